#include "project/pinyin_initials.h"

#include <QList>

#include <memory>
#include <mutex>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace coopmap::app {

namespace {

// ICU's Han-Latin transform (CLDR, from Unihan's kMandarin readings) knows every CJK
// ideograph, not only GB2312's level-1 set: 垱 dàng, 漋 lóng, 塝 bàng. Latin-ASCII drops the
// tone marks, so the first letter is the initial. A polyphone gets ICU's one reading
// (长 zhǎng, 重 zhòng). Each character is transliterated once and remembered: names repeat
// few characters, and a Transliterator is not meant to be shared between threads unlocked.
class HanInitials {
public:
    static HanInitials& instance()
    {
        static HanInitials one;
        return one;
    }

    char of(char32_t c)
    {
        const std::lock_guard lock(mutex_);
        if (const auto it = known_.find(c); it != known_.end()) return it->second;
        char letter = 0;
        if (latin_) {
            icu::UnicodeString s(static_cast<UChar32>(c));
            latin_->transliterate(s);
            const UChar32 first = s.isEmpty() ? 0 : s.char32At(0);
            if (first >= 'a' && first <= 'z') letter = static_cast<char>(first);
            else if (first >= 'A' && first <= 'Z') letter = static_cast<char>(first - 'A' + 'a');
        }
        known_.emplace(c, letter);
        return letter;
    }

private:
    HanInitials()
    {
        UErrorCode status = U_ZERO_ERROR;
        latin_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) latin_.reset();
    }

    std::mutex mutex_;
    std::unique_ptr<icu::Transliterator> latin_;
    std::unordered_map<char32_t, char> known_;
};

}  // namespace

QString pinyin_initials(const QString& text)
{
    QString out;
    for (const char32_t c : text.toUcs4()) {
        if (c < 0x80) {
            const QChar a(static_cast<char16_t>(c));
            if (a.isLetterOrNumber()) out += a.toLower();
        } else if (QChar::script(c) == QChar::Script_Han) {
            if (const char letter = HanInitials::instance().of(c)) out += QLatin1Char(letter);
        }
    }
    return out;
}

}  // namespace coopmap::app
