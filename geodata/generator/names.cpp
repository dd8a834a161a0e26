#include "names.h"

namespace coopmap::sample {

namespace {
bool strip(std::string& s, const std::string& tail)
{
    if (s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
        s.erase(s.size() - tail.size());
        return true;
    }
    return false;
}
}  // namespace

std::string place_name(const std::string& official, bool community)
{
    std::string s = official;
    for (const char* tail :
         {"村民委员会", "村委会", "社区居民委员会", "居民委员会", "社区居委会", "社区居民委会", "居委会"})
        if (strip(s, tail)) break;
    if (community) {
        if (s.find("社区") == std::string::npos && s.find("生活区") == std::string::npos) s += "社区";
    } else if (s.size() < 3 || s.compare(s.size() - 3, 3, "村") != 0) {
        s += "村";
    }
    return s;
}

}  // namespace coopmap::sample
