// A PDF's text as a reader's tools see it: every word with its box, page by page, from
// `pdftotext -bbox` (poppler-utils), and the checks the report tests make of it: nothing
// outside the page's margins, nothing in the gap above the footer or below it, no two words
// on top of each other, and the rows of a table read back by its columns.
#pragma once

#include <string>
#include <vector>

namespace coopmap::test {

struct Word {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, from the page's top left
    std::string text;  // Kangxi radicals folded to their ideographs
    double cy() const { return (y0 + y1) / 2; }
};

struct PdfPage {
    double width = 0, height = 0;
    std::vector<Word> words;  // in pdftotext's reading order
    // The words above the body (the heading), joined without spaces.
    std::string heading() const;
};

// Empty (and a failure reported) when pdftotext fails.
std::vector<PdfPage> pdf_pages(const std::string& pdf);

// The layout both PDF writers share (app/present/pdf_page.h), in points.
inline constexpr double kPointsPerMm = 72 / 25.4;
inline constexpr double kMarginMm = 18, kFooterMm = 8;

// What is wrong on one page, one line a fault: a word outside the margins, in the footer's
// band or the gap above it without being the footer, below the footer, or overlapping
// another word. `footer`: the footer's words joined without spaces (empty: no check of
// them, but still nothing else there).
std::vector<std::string> page_faults(const PdfPage& page, const std::string& footer);

// The rows of a table on a page, found by the header words of two of its columns that are
// left-aligned: `key` (a column whose cell is one word a row, e.g. a code) and `next` (the
// column to its right); the header is one line. Each word below the header goes to the row whose key word is
// nearest in height; within a row, `before` are the words left of the key column (the
// cells before it, wrapped lines joined in reading order) and `after` those right of it.
struct TableRow {
    std::string key;
    std::string before;  // joined without spaces
    std::vector<std::string> after;  // left to right: the last is the rightmost cell's
};
std::vector<TableRow> table_rows(const PdfPage& page, const std::string& key, const std::string& next);

}  // namespace coopmap::test
