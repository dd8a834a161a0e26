// How a figure is written in the tables and text the analyses give (`coopmap-cli … --table`,
// the window's tables, the reports): one place, so that the same number reads the same everywhere.
#pragma once

#include <string>

namespace coopmap::analysis {

// `value` through a printf format of one double ("%.1f", "%.2f%%").
std::string number_text(const char* format, double value);

// A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& s);

}  // namespace coopmap::analysis
