// Pinyin initials of Chinese names ("谷城县" → "gcx"), for searching by initials.
#pragma once

#include <QString>

namespace coopmap::app {

// Each Han character becomes the first letter of its pinyin (lower case); ASCII letters and
// digits are kept, lower-cased; anything else is left out. Characters outside GB2312's
// level-1 set (rare in place names) have no initial and are left out.
QString pinyin_initials(const QString& text);

}  // namespace coopmap::app
