// Picking features with a click: lines anywhere along a segment, polygons by containment
// (holes excluded), points by distance; and label points inside their polygons.
#include <gtest/gtest.h>

#include "index/identify.h"

namespace coopmap::index {
namespace {

Layer line_layer()
{
    Layer l;
    l.kind = GeometryKind::line;
    // Feature 0: one long segment, vertices 1 degree apart; a click in its middle is ~47 km
    // from either vertex.
    l.add_coordinate(111.0, 32.0);
    l.add_coordinate(112.0, 32.0);
    l.end_ring(), l.end_part(), l.end_feature();
    // Feature 1: a diagonal two-segment line further north.
    l.add_coordinate(111.0, 32.5);
    l.add_coordinate(111.5, 33.0);
    l.add_coordinate(112.0, 32.5);
    l.end_ring(), l.end_part(), l.end_feature();
    l.build_index();
    return l;
}

void add_ring(Layer& l, double x0, double y0, double x1, double y1)
{
    l.add_coordinate(x0, y0), l.add_coordinate(x1, y0), l.add_coordinate(x1, y1), l.add_coordinate(x0, y1);
    l.add_coordinate(x0, y0);
    l.end_ring();
}

TEST(Identify, ALineIsPickedAnywhereAlongASegmentNotOnlyAtItsVertices)
{
    const Layer l = line_layer();
    // Mid-segment, 0.0005 degrees north of it, tolerance 0.001 degrees (a few pixels at zoom 12).
    EXPECT_EQ(pick_feature(l, {111.5, 32.0005, 0.001}), std::optional<std::uint32_t>(0));
    // Near the middle of feature 1's first (diagonal) segment: (111.25, 32.75).
    EXPECT_EQ(pick_feature(l, {111.2503, 32.7497, 0.001}), std::optional<std::uint32_t>(1));
    // 0.01 degrees off: outside the tolerance, nothing.
    EXPECT_EQ(pick_feature(l, {111.5, 32.01, 0.001}), std::nullopt);
}

TEST(Identify, TheToleranceIsACircleOnTheMercatorScreenNotInDegrees)
{
    Layer l;
    l.kind = GeometryKind::line;
    l.add_coordinate(10.0, 60.0);
    l.add_coordinate(11.0, 60.0);
    l.end_ring(), l.end_part(), l.end_feature();
    l.build_index();
    // At 60°N a degree of latitude looks 1/cos(60°) = 2 times taller than a degree of
    // longitude, so 0.0008° north is 0.0016 "screen degrees" away: outside 0.001, inside 0.002.
    EXPECT_EQ(pick_feature(l, {10.5, 60.0008, 0.001}), std::nullopt);
    EXPECT_EQ(pick_feature(l, {10.5, 60.0008, 0.002}), std::optional<std::uint32_t>(0));
}

TEST(Identify, APolygonIsPickedByContainmentAndNotInItsHole)
{
    Layer l;
    l.kind = GeometryKind::polygon;
    add_ring(l, 111.0, 32.0, 112.0, 33.0);  // shell
    add_ring(l, 111.4, 32.4, 111.6, 32.6);  // hole
    l.end_part(), l.end_feature();
    add_ring(l, 111.8, 32.8, 112.5, 33.5);  // feature 1 overlaps feature 0's corner
    l.end_part(), l.end_feature();
    l.build_index();
    EXPECT_EQ(pick_feature(l, {111.2, 32.2, 0.001}), std::optional<std::uint32_t>(0));
    EXPECT_EQ(pick_feature(l, {111.5, 32.5, 0.001}), std::nullopt);  // in the hole
    EXPECT_EQ(pick_feature(l, {111.9, 32.9, 0.001}), std::optional<std::uint32_t>(1));  // drawn on top
    EXPECT_EQ(pick_feature(l, {112.3, 32.2, 0.001}), std::nullopt);
    EXPECT_EQ(polygon_containing(l, 112.3, 33.3), std::optional<std::uint32_t>(1));
}

TEST(Identify, ThePointNearestTheClickWithinTheToleranceIsPicked)
{
    Layer l;
    l.kind = GeometryKind::point;
    l.add_point(111.0000, 32.0);
    l.add_point(111.0006, 32.0);
    l.add_point(111.0100, 32.0);
    l.build_index();
    EXPECT_EQ(pick_feature(l, {111.0004, 32.0, 0.001}), std::optional<std::uint32_t>(1));
    EXPECT_EQ(pick_feature(l, {111.0001, 32.0, 0.001}), std::optional<std::uint32_t>(0));
    EXPECT_EQ(pick_feature(l, {111.0050, 32.0, 0.001}), std::nullopt);
}

TEST(Identify, LabelPointsLieInsideTheirPolygonsEvenWhenTheCentroidDoesNot)
{
    Layer l;
    l.kind = GeometryKind::polygon;
    add_ring(l, 111.0, 32.0, 112.0, 33.0);
    l.end_part(), l.end_feature();
    // A "U": two arms joined at the bottom; its centroid (≈111.5, 32.3) is in the gap between the arms.
    for (auto [x, y] : {std::pair{111.0, 32.0},
                        {112.0, 32.0},
                        {112.0, 33.0},
                        {111.8, 33.0},
                        {111.8, 32.2},
                        {111.2, 32.2},
                        {111.2, 33.0},
                        {111.0, 33.0},
                        {111.0, 32.0}})
        l.add_coordinate(x, y);
    l.end_ring(), l.end_part(), l.end_feature();
    const auto points = polygon_label_points(l);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_NEAR(points[0].lon, 111.5, 1e-12);
    EXPECT_NEAR(points[0].lat, 32.5, 1e-12);
    const LonLat u = points[1];
    const bool in_bottom = u.lat >= 32.0 && u.lat <= 32.2 && u.lon >= 111.0 && u.lon <= 112.0;
    const bool in_arm =
        u.lat >= 32.0 && u.lat <= 33.0 && ((u.lon >= 111.0 && u.lon <= 111.2) || (u.lon >= 111.8 && u.lon <= 112.0));
    EXPECT_TRUE(in_bottom || in_arm) << u.lon << ", " << u.lat;
    // And a click there picks that very polygon.
    EXPECT_EQ(polygon_containing(l, u.lon, u.lat), std::optional<std::uint32_t>(1));
}

}  // namespace
}  // namespace coopmap::index
