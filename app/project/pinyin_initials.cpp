#include "project/pinyin_initials.h"

#include <array>
#include <iconv.h>
#include <memory>

namespace coopmap::app {

namespace {
// GB2312 (GB/T 2312-1980) orders its 3,755 level-1 characters (rows 16–55, codes
// 0xB0A1–0xD7F9) by pinyin, so each initial letter owns one contiguous range of codes.
// The table of range starts is the standard one (e.g. in the GB2312 code chart; there is
// no I, U or V initial).
struct Range {
    unsigned short first;
    char letter;
};
constexpr std::array<Range, 23> kRanges{{
    {0xB0A1, 'a'}, {0xB0C5, 'b'}, {0xB2C1, 'c'}, {0xB4EE, 'd'}, {0xB6EA, 'e'}, {0xB7A2, 'f'},
    {0xB8C1, 'g'}, {0xB9FE, 'h'}, {0xBBF7, 'j'}, {0xBFA6, 'k'}, {0xC0AC, 'l'}, {0xC2E8, 'm'},
    {0xC4C3, 'n'}, {0xC5B6, 'o'}, {0xC5BE, 'p'}, {0xC6DA, 'q'}, {0xC8BB, 'r'}, {0xC8F6, 's'},
    {0xCBFA, 't'}, {0xCDDA, 'w'}, {0xCEF4, 'x'}, {0xD1B9, 'y'}, {0xD4D1, 'z'},
}};
constexpr unsigned short kLevel1End = 0xD7F9;

char initial_of(unsigned short gb)
{
    if (gb < kRanges.front().first || gb > kLevel1End) return 0;
    char letter = 0;
    for (const Range& r : kRanges)
        if (gb >= r.first) letter = r.letter;
    return letter;
}

struct IconvClose {
    void operator()(iconv_t* cd) const
    {
        iconv_close(*cd);
        delete cd;
    }
};
}  // namespace

QString pinyin_initials(const QString& text)
{
    // glibc's iconv knows GB2312; one converter per call keeps this safe on any thread.
    std::unique_ptr<iconv_t, IconvClose> cd(new iconv_t(iconv_open("GB2312", "UTF-8")));
    if (*cd == reinterpret_cast<iconv_t>(-1)) {
        cd.release();
        return {};
    }
    QString out;
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            if (c.isLetterOrNumber()) out += c.toLower();
            continue;
        }
        QByteArray utf8 = QString(c).toUtf8();
        char gb[4] = {};
        char* in = utf8.data();
        std::size_t in_left = static_cast<std::size_t>(utf8.size());
        char* o = gb;
        std::size_t out_left = sizeof gb;
        if (iconv(*cd, &in, &in_left, &o, &out_left) == static_cast<std::size_t>(-1) || o - gb != 2) continue;
        const auto code = static_cast<unsigned short>((static_cast<unsigned char>(gb[0]) << 8) |
                                                      static_cast<unsigned char>(gb[1]));
        if (const char letter = initial_of(code)) out += QLatin1Char(letter);
    }
    return out;
}

}  // namespace coopmap::app
