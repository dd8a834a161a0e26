// png-colour-count FILE.png #RRGGBB TOLERANCE: prints "WxH N", N being the pixels within
// TOLERANCE per channel of the colour, so that shell tests of installed programs can check
// what a render shows (the same measure as tests/cli/render_test.cpp).
#include <QColor>
#include <QImage>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s FILE.png '#RRGGBB' TOLERANCE\n", argv[0]);
        return 2;
    }
    const QImage image(QString::fromLocal8Bit(argv[1]));
    const QColor color(QString::fromLatin1(argv[2]));
    const int tolerance = std::atoi(argv[3]);
    if (image.isNull() || !color.isValid()) {
        std::fprintf(stderr, "png-colour-count: cannot read %s or colour %s\n", argv[1], argv[2]);
        return 1;
    }
    long n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - color.red()) <= tolerance && std::abs(qGreen(p) - color.green()) <= tolerance &&
                 std::abs(qBlue(p) - color.blue()) <= tolerance;
        }
    std::printf("%dx%d %ld\n", image.width(), image.height(), n);
    return 0;
}
