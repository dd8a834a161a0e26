// coopmap-office-fixtures DIR: the office's files of office_fixtures.h into DIR, to look at
// them by hand (`coopmap-cli new DIR …`, the 新建项目 dialog) as the tests see them.
#include <cstdio>

#include "office_fixtures.h"

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "用法：coopmap-office-fixtures 文件夹\n");
        return 2;
    }
    const auto made = coopmap::testing::make_office_fixtures(argv[1]);
    if (!made) {
        std::fprintf(stderr, "coopmap-office-fixtures: %s\n", made.error().text().c_str());
        return 1;
    }
    return 0;
}
