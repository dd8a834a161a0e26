// Where the installed program finds its sample and where the user's settings go
// (app/install), and the icon PNGs rendered from packaging/coopmap.svg.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QSettings>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "install/install_layout.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

class InstallLayoutTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() /
               ("coopmap-layout-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "bin");
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(InstallLayoutTest, InstalledCopyUsesShareCoopmapNextToBin)
{
    fs::create_directories(dir_ / "share/coopmap/geodata");
    std::ofstream(dir_ / "share/coopmap/geodata/xiangyang.coopmap") << "{}";

    const app::InstallLayout layout(q(dir_ / "bin"));
    EXPECT_TRUE(layout.installed());
    EXPECT_EQ(layout.dataDir(), q(dir_ / "share/coopmap"));
    EXPECT_EQ(layout.samplePath(), q(dir_ / "share/coopmap/geodata/xiangyang.coopmap"));
    EXPECT_EQ(layout.translationsDir(), q(dir_ / "share/coopmap/translations"));
}

TEST_F(InstallLayoutTest, BuildTreeFallsBackToTheSourceSample)
{
    // A share/coopmap without the sample is not an installation (e.g. a half-removed one).
    fs::create_directories(dir_ / "share/coopmap/translations");

    const app::InstallLayout layout(q(dir_ / "bin"));
    EXPECT_FALSE(layout.installed());
    EXPECT_EQ(layout.samplePath(), QStringLiteral(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap"));
    EXPECT_TRUE(QFile::exists(layout.samplePath()));
    EXPECT_EQ(layout.translationsDir(), QStringLiteral(COOPMAP_BINARY_DIR "/translations"));
}

TEST_F(InstallLayoutTest, UserSettingsGoToTheXdgConfigDirectory)
{
    // Before the first QSettings of this process: Qt reads XDG_CONFIG_HOME once.
    const fs::path config = dir_ / "config";
    ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    {
        auto settings = app::InstallLayout::userSettings();
        EXPECT_EQ(settings->fileName(), q(config / "CoopMap/CoopMap.conf"));
        settings->setValue(QStringLiteral("recent/project"), QStringLiteral("/数据/襄阳.coopmap"));
        settings->sync();
        EXPECT_EQ(settings->status(), QSettings::NoError);
    }
    ASSERT_TRUE(fs::exists(config / "CoopMap/CoopMap.conf"));
    const QSettings reread(q(config / "CoopMap/CoopMap.conf"), QSettings::IniFormat);
    EXPECT_EQ(reread.value(QStringLiteral("recent/project")).toString(), QStringLiteral("/数据/襄阳.coopmap"));
    ::unsetenv("XDG_CONFIG_HOME");
}

// Every size is square and at 256 px the colours sit where packaging/coopmap.svg draws them.
TEST(Icon, PngSizesRenderedFromTheSvg)
{
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QString file =
            QStringLiteral(COOPMAP_BINARY_DIR "/packaging/icons/%1x%1/apps/org.coopmap.CoopMap.png").arg(size);
        const QImage image(file);
        ASSERT_FALSE(image.isNull()) << file.toStdString();
        EXPECT_EQ(image.width(), size);
        EXPECT_EQ(image.height(), size);
    }
    const QImage icon(QStringLiteral(COOPMAP_BINARY_DIR "/packaging/icons/256x256/apps/org.coopmap.CoopMap.png"));
    ASSERT_EQ(icon.width(), 256);
    EXPECT_EQ(qAlpha(icon.pixel(1, 1)), 0) << "the rounded corner is transparent";
    EXPECT_EQ(QColor(icon.pixel(20, 128)).name(), QStringLiteral("#2e7d32")) << "background";
    EXPECT_EQ(QColor(icon.pixel(60, 110)).name(), QStringLiteral("#e8f5e9")) << "the map sheet";
    EXPECT_EQ(QColor(icon.pixel(128, 120)).name(), QStringLiteral("#fb8c00")) << "the hub";
}

}  // namespace
}  // namespace coopmap::test
