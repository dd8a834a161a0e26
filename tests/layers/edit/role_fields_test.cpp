// The edit form's fields per role: a project may map opening_year and operator to its own
// (Chinese) column names, and the year rule then applies to that column.
#include <gtest/gtest.h>

#include "edit/validation.h"
#include "model/project.h"

namespace coopmap::edit {
namespace {

TEST(RoleFields, FacilityFormListsTypeOpeningYearOperatorAndCapacity)
{
    std::vector<std::string> keys, labels;
    for (const auto& f : role_fields(Role::village_cooperative)) keys.push_back(f.key), labels.push_back(f.label);
    EXPECT_EQ(keys, (std::vector<std::string>{"name", "code", "type", "opening_year", "operator", "capacity", "staff",
                                              "built_year", "rebuilt_year", "model", "state", "township_code",
                                              "county_code"}));
    EXPECT_EQ(labels[3], "开业年份");
    EXPECT_EQ(labels[4], "经营主体");
    EXPECT_EQ(labels[7], "建成年份");
    EXPECT_EQ(labels[8], "改造升级年份");
    EXPECT_EQ(labels[9], "示范社/示范点");
    EXPECT_EQ(labels[10], "建设状态");
    EXPECT_EQ(role_fields(Role::village).front().label, "名称");
    EXPECT_TRUE(role_fields(Role::coverage).empty());
}

TEST(RoleFields, MappedOpeningYearColumnIsCheckedAsAYear)
{
    auto p = parse_project(R"({"version": 1, "layers": [{"id": "sites", "source": "a.gpkg",
        "role": "village_cooperative", "fields": {"name": "网点名称", "opening_year": "开业年份",
        "operator": "经营单位", "capacity": "仓储面积"}}]})",
                           "mapped.coopmap");
    ASSERT_TRUE(p) << p.error().text();
    const auto& fields = p->layers[0].fields;
    EXPECT_EQ(fields.at("opening_year"), "开业年份");
    EXPECT_EQ(fields.at("operator"), "经营单位");

    Layer l;
    l.role = Role::village_cooperative;
    l.add_column("网点名称", FieldType::text);
    l.add_column("开业年份", FieldType::integer);
    l.add_column("经营单位", FieldType::text);
    const FieldMap map(fields.begin(), fields.end());
    EXPECT_TRUE(
        validate(l, map, {std::string("王家村供销社"), std::int64_t{2019}, std::string("襄阳市供销社")}).empty());
    const auto problems = validate(l, map, {std::string("王家村供销社"), std::int64_t{1800}, std::monostate{}});
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].column, "开业年份");
    EXPECT_EQ(problems[0].message, "年份“1800”应为 1949 到 2100 之间的整数");
}

TEST(RoleFields, BuiltAndRebuiltYearsAreYearsAndTheStateIsOneOfThree)
{
    Layer l;
    l.role = Role::grassroots_cooperative;
    l.add_column("名称", FieldType::text);
    l.add_column("建成年份", FieldType::integer);
    l.add_column("改造年份", FieldType::integer);
    l.add_column("状态", FieldType::text);
    const FieldMap map{{"name", "名称"}, {"built_year", "建成年份"}, {"rebuilt_year", "改造年份"}, {"state", "状态"}};
    EXPECT_TRUE(
        validate(l, map, {std::string("双沟供销社"), std::int64_t{2015}, std::int64_t{2023}, std::string("建成")})
            .empty());
    // 0 is "none" (never rebuilt), as the sample and network_as_of write and read it.
    EXPECT_TRUE(validate(l, map, {std::string("双沟供销社"), std::int64_t{2015}, std::int64_t{0}, std::string("建成")})
                    .empty());
    const auto problems =
        validate(l, map, {std::string("双沟供销社"), std::int64_t{1800}, std::int64_t{2023}, std::string("已撤销")});
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].column, "建成年份");
    EXPECT_EQ(problems[0].message, "年份“1800”应为 1949 到 2100 之间的整数");
    EXPECT_EQ(problems[1].column, "状态");
    EXPECT_EQ(problems[1].message, "建设状态“已撤销”应为 规划、在建 或 建成");
}

}  // namespace
}  // namespace coopmap::edit
