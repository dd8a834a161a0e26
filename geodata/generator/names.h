// How the generated facilities are named after the real places they serve.
#pragma once

#include <string>

namespace coopmap::sample {

// "张岗村村民委员会" -> "张岗村", "檀溪社区居委会" -> "檀溪社区", "隆中居委会" -> "隆中社区".
std::string place_name(const std::string& official, bool community);

}  // namespace coopmap::sample
