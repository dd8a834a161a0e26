// Class breaks for thematic maps (分级设色): natural breaks (Jenks, exact), quantiles and fixed
// breaks over one figure per township or county. The map's legend, the report's choropleth and
// any table of classes read the same ClassBreaks.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "model/error.h"

namespace coopmap::analysis {

enum class BreakMethod { natural, quantile, fixed };

// k classes over [bounds[0], bounds[k]]: class 0 is [bounds[0], bounds[1]], class i > 0 is
// (bounds[i], bounds[i+1]]. bounds[0] is the smallest value, bounds[k] the largest.
struct ClassBreaks {
    BreakMethod method = BreakMethod::natural;
    std::vector<double> bounds;
    std::vector<std::size_t> counts;  // values in each class

    std::size_t classes() const { return bounds.empty() ? 0 : bounds.size() - 1; }
    // The class of a value; values below bounds[0] fall in class 0, above bounds[k] in the last.
    std::size_t class_of(double value) const;
    // "12.5 – 30.0" per class, with `decimals` decimals, for legends.
    std::vector<std::string> labels(int decimals = 1) const;
};

// Natural breaks (Jenks 1967): the k classes of the sorted values whose summed squared deviations
// from their class means are least, found exactly by dynamic programming (O(k·n²), fine for the
// few thousand townships or villages a map classes). Fewer classes when the values have fewer
// distinct numbers. NaNs are left out. Error: no values, classes < 1.
Result<ClassBreaks> natural_breaks(std::span<const double> values, std::size_t classes);
// Quantiles: about the same number of values in each class (ties kept together, so maybe fewer).
Result<ClassBreaks> quantile_breaks(std::span<const double> values, std::size_t classes);
// Fixed breaks: `upper` are the class limits between min and max, ascending (e.g. 0.6, 0.8, 0.9
// for coverage rates); limits outside the values' range are dropped. Error: not ascending.
Result<ClassBreaks> fixed_breaks(std::span<const double> values, std::span<const double> upper);

// The summed squared deviations from the class means of the values classed by `breaks`: what
// natural_breaks makes least (goodness of variance fit).
double within_class_deviation(std::span<const double> values, const ClassBreaks& breaks);

}  // namespace coopmap::analysis
