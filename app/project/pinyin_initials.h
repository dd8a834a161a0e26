// Pinyin initials of Chinese names ("谷城县" → "gcx"), for searching by initials.
#pragma once

#include <QString>

namespace coopmap::app {

// Each Han character becomes the first letter of its pinyin (lower case), as ICU's Han-Latin
// transform reads it; ASCII letters and digits are kept, lower-cased; anything else is left out.
QString pinyin_initials(const QString& text);

}  // namespace coopmap::app
