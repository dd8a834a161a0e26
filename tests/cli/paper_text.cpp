#include "paper_text.h"

#include <gtest/gtest.h>

#include <QString>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <regex>

#include "run_process.h"

namespace coopmap::test {

namespace {

std::string unescape(std::string s)
{
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
            s.replace(at, std::strlen(from), to);
    return s;
}

// Without a CJK font whose ideographs keep their own glyphs, Qt's PDF writer names some of
// Noto's by their Kangxi radical twins (app/present/pdf_page.h): fold just those back.
std::string fold_radicals(const std::string& text)
{
    QString out;
    for (const QChar c : QString::fromStdString(text))
        out += c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF ? QString(c).normalized(QString::NormalizationForm_KC)
                                                              : QString(c);
    return out.toStdString();
}

std::string joined(std::vector<const Word*> ws)
{
    std::sort(ws.begin(), ws.end(), [](const Word* a, const Word* b) {
        return std::abs(a->cy() - b->cy()) > 1.5 ? a->cy() < b->cy() : a->x0 < b->x0;
    });
    std::string s;
    for (const Word* w : ws) s += w->text;
    return s;
}

std::string box(const Word& w)
{
    char b[160];
    std::snprintf(b, sizeof b, " [%.1f,%.1f – %.1f,%.1f]", w.x0, w.y0, w.x1, w.y1);
    return "「" + w.text + "」" + b;
}

}  // namespace

std::string PdfPage::heading() const
{
    std::vector<const Word*> top;
    for (const auto& w : words)
        if (w.y1 <= (kMarginMm + 13) * kPointsPerMm) top.push_back(&w);
    return joined(top);
}

std::vector<PdfPage> pdf_pages(const std::string& pdf)
{
    const auto r = run_process("pdftotext", {"-bbox", pdf, "-"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<PdfPage> pages;
    if (r.exit_code != 0) return pages;
    static const std::regex page_re(R"re(<page width="([\d.]+)" height="([\d.]+)")re");
    static const std::regex word_re(
        R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>)re");
    for (const auto& line : split(r.out, '\n')) {
        std::smatch m;
        if (std::regex_search(line, m, page_re)) {
            pages.push_back(PdfPage{std::stod(m[1]), std::stod(m[2]), {}});
        } else if (!pages.empty() && std::regex_search(line, m, word_re)) {
            pages.back().words.push_back(Word{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                                              fold_radicals(unescape(m[5]))});
        }
    }
    return pages;
}

std::vector<std::string> page_faults(const PdfPage& page, const std::string& footer)
{
    // Half a point of slack: glyph boxes are the font's, a hair wider than what is inked.
    constexpr double kSlack = 0.5;
    const double left = kMarginMm * kPointsPerMm, right = page.width - left;
    const double footer_top = page.height - kMarginMm * kPointsPerMm,
                 footer_bottom = footer_top + kFooterMm * kPointsPerMm;
    const double body_bottom = footer_top - kFooterMm * kPointsPerMm;
    std::vector<std::string> faults;
    std::vector<const Word*> foot;
    for (const auto& w : page.words) {
        if (w.x0 < left - kSlack || w.x1 > right + kSlack || w.y0 < 0)
            faults.push_back("outside the margins:" + box(w));
        if (w.y0 >= footer_top - kSlack) {
            foot.push_back(&w);
            if (w.y1 > footer_bottom + kSlack) faults.push_back("below the footer:" + box(w));
        } else if (w.y1 > body_bottom + kSlack) {
            faults.push_back("runs into the footer:" + box(w));
        }
    }
    if (!footer.empty() && joined(foot) != footer)
        faults.push_back("footer reads 「" + joined(foot) + "」, not 「" + footer + "」");
    for (std::size_t i = 0; i < page.words.size(); ++i)
        for (std::size_t j = i + 1; j < page.words.size(); ++j) {
            const Word& a = page.words[i];
            const Word& b = page.words[j];
            const double ix = std::min(a.x1, b.x1) - std::max(a.x0, b.x0),
                         iy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
            if (ix > kSlack && iy > kSlack) faults.push_back("overlap:" + box(a) + box(b));
        }
    return faults;
}

std::vector<TableRow> table_rows(const PdfPage& page, const std::string& key, const std::string& next)
{
    const Word* key_head = nullptr;
    const Word* next_head = nullptr;
    for (const auto& w : page.words) {
        if (!key_head && w.text == key) key_head = &w;
        if (!next_head && w.text == next) next_head = &w;
    }
    std::vector<TableRow> rows;
    if (!key_head || !next_head) return rows;
    // The header: the words on the key header's line (the layout keeps a header to one line).
    double head_bottom = key_head->y1;
    for (const auto& w : page.words)
        if (std::abs(w.cy() - key_head->cy()) < 3) head_bottom = std::max(head_bottom, w.y1);
    const double key_left = key_head->x0 - 1, key_right = next_head->x0 - 1;
    const double footer_top = page.height - kMarginMm * kPointsPerMm;
    std::vector<const Word*> keys;
    for (const auto& w : page.words)
        if (w.y0 > head_bottom && w.y0 < footer_top && w.x0 >= key_left && w.x1 <= key_right) keys.push_back(&w);
    std::sort(keys.begin(), keys.end(), [](const Word* a, const Word* b) { return a->cy() < b->cy(); });
    std::vector<std::vector<const Word*>> before(keys.size()), after(keys.size());
    for (const auto& w : page.words) {
        if (w.y0 <= head_bottom || w.y0 >= footer_top || keys.empty() || (w.x0 >= key_left && w.x1 <= key_right))
            continue;
        std::size_t best = 0;
        for (std::size_t k = 1; k < keys.size(); ++k)
            if (std::abs(keys[k]->cy() - w.cy()) < std::abs(keys[best]->cy() - w.cy())) best = k;
        (w.x1 <= key_left ? before : after)[best].push_back(&w);
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        TableRow row{keys[k]->text, joined(before[k]), {}};
        auto& a = after[k];
        std::sort(a.begin(), a.end(),
                  [](const Word* x, const Word* y) { return x->x0 != y->x0 ? x->x0 < y->x0 : x->cy() < y->cy(); });
        for (const Word* w : a) row.after.push_back(w->text);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace coopmap::test
