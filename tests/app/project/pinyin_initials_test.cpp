// Pinyin initials for search: every Han character of a real place name gets its initial,
// also those outside GB2312's level-1 set, and polyphones get ICU's one reading.
#include <gtest/gtest.h>

#include "project/pinyin_initials.h"

namespace coopmap::app {
namespace {

std::string initials(const char* utf8) { return pinyin_initials(QString::fromUtf8(utf8)).toStdString(); }

TEST(PinyinInitials, OrdinaryNames)
{
    EXPECT_EQ(initials("襄阳"), "xy");
    EXPECT_EQ(initials("南漳县"), "nzx");
    EXPECT_EQ(initials("谷城县"), "gcx");
    EXPECT_EQ(initials("老河口市"), "lhks");
}

// 垱 (dàng, an embankment), 漋 (lóng), 塝 (bàng, a field by the slope) are in township and
// village names of Hubei but not in GB2312 level 1: the old range table gave them nothing.
TEST(PinyinInitials, CharactersOutsideGb2312LevelOne)
{
    EXPECT_EQ(initials("垱"), "d");
    EXPECT_EQ(initials("漋"), "l");
    EXPECT_EQ(initials("塝"), "b");
    EXPECT_EQ(initials("龙王垱村"), "lwdc");
    EXPECT_EQ(initials("漋河村"), "lhc");
    EXPECT_EQ(initials("田家塝"), "tjb");
}

// One reading per character, ICU's: 长 as zhǎng (not cháng of 长坪), 重 as zhòng, 乐 as lè,
// 都 as dōu, 朝 as cháo. Searching 长坪镇 therefore takes "zpz".
TEST(PinyinInitials, PolyphonesAsIcuReadsThem)
{
    EXPECT_EQ(initials("长坪镇"), "zpz");
    EXPECT_EQ(initials("重阳村"), "zyc");
    EXPECT_EQ(initials("乐乡"), "lx");
    EXPECT_EQ(initials("都"), "d");
    EXPECT_EQ(initials("朝阳"), "cy");
}

TEST(PinyinInitials, AsciiIsKeptLowerCasedAndTheRestLeftOut)
{
    EXPECT_EQ(initials("G316国道"), "g316gd");
    EXPECT_EQ(initials("张湾村·一组（北）"), "zwcyzb");
    EXPECT_EQ(initials("Café"), "caf");
    EXPECT_EQ(initials(""), "");
}

}  // namespace
}  // namespace coopmap::app
