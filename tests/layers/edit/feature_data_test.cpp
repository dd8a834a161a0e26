#include <gtest/gtest.h>

#include "edit/feature_data.h"
#include "edit_fixture.h"

namespace coopmap::edit {
namespace {

// A polygon layer: feature 0 one part with a hole, feature 1 two parts, feature 2 a triangle.
Layer polygons()
{
    Layer l;
    l.kind = GeometryKind::polygon;
    auto& c = l.add_column("provider", FieldType::text);
    const auto ring = [&](std::initializer_list<std::pair<double, double>> pts) {
        for (auto [x, y] : pts) l.add_coordinate(x, y);
        l.end_ring();
    };
    ring({{0, 0}, {4, 0}, {4, 4}, {0, 0}});
    ring({{1, 1}, {2, 1}, {2, 2}, {1, 1}});
    l.end_part();
    l.end_feature();
    ring({{10, 10}, {11, 10}, {11, 11}, {10, 10}});
    l.end_part();
    ring({{20, 20}, {21, 20}, {21, 21}, {20, 20}});
    l.end_part();
    l.end_feature();
    ring({{5, 5}, {6, 5}, {6, 6}, {5, 5}});
    l.end_part();
    l.end_feature();
    for (const char* p : {"合作社甲", "", "合作社丙"}) {
        if (*p) c.null.push_back(0), c.texts.emplace_back(p);
        else c.push_null();
    }
    return l;
}

TEST(FeatureData, TakingOutAndPuttingBackRestoresEveryArray)
{
    const Layer original = polygons();
    for (std::size_t f = 0; f < original.size(); ++f) {
        Layer l = original;
        const FeatureData d = feature_data(l, f);
        erase_feature(l, f);
        EXPECT_EQ(l.size(), 2u);
        EXPECT_FALSE(same_layer(l, original));
        insert_feature(l, f, d);
        EXPECT_TRUE(same_layer(l, original)) << "feature " << f;
    }
    const FeatureData second = feature_data(original, 1);
    EXPECT_EQ(second.part_rings, (std::vector<std::uint32_t>{1, 1}));
    EXPECT_EQ(second.ring_sizes, (std::vector<std::uint32_t>{4, 4}));
    EXPECT_EQ(second.x[4], 20.0);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(second.values[0]));
    const FeatureData first = feature_data(original, 0);
    EXPECT_EQ(first.part_rings, (std::vector<std::uint32_t>{2}));
    EXPECT_EQ(std::get<std::string>(first.values[0]), "合作社甲");
}

TEST(FeatureData, ErasingTheMiddleFeatureLeavesOffsetsConsistent)
{
    Layer l = polygons();
    erase_feature(l, 1);
    EXPECT_EQ(l.part_start, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_EQ(l.ring_start, (std::vector<std::uint32_t>{0, 2, 3}));
    EXPECT_EQ(l.coord_start, (std::vector<std::uint32_t>{0, 4, 8, 12}));
    EXPECT_EQ(l.x.size(), 12u);
    EXPECT_EQ(l.first_x(1), 5.0);
    EXPECT_EQ(l.columns[0].text(1), "合作社丙");
}

TEST(FeatureData, ValuesFromFormTextFollowTheColumnType)
{
    Value v;
    ASSERT_TRUE(value_from_text(FieldType::integer, "2021", v));
    EXPECT_EQ(std::get<std::int64_t>(v), 2021);
    EXPECT_FALSE(value_from_text(FieldType::integer, "2021年", v));
    ASSERT_TRUE(value_from_text(FieldType::real, "12.75", v));
    EXPECT_EQ(std::get<double>(v), 12.75);
    ASSERT_TRUE(value_from_text(FieldType::text, "x'); DROP TABLE villages;--", v));
    EXPECT_EQ(std::get<std::string>(v), "x'); DROP TABLE villages;--");
    ASSERT_TRUE(value_from_text(FieldType::real, "", v));
    EXPECT_TRUE(std::holds_alternative<std::monostate>(v));
}

}  // namespace
}  // namespace coopmap::edit
