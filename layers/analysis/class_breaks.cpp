#include "analysis/class_breaks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace coopmap::analysis {

namespace {

Error breaks_error(std::string message)
{
    return Error{.file = {}, .layer = {}, .feature = {}, .message = std::move(message)};
}

std::vector<double> sorted_values(std::span<const double> values)
{
    std::vector<double> v;
    v.reserve(values.size());
    for (double x : values)
        if (!std::isnan(x)) v.push_back(x);
    std::sort(v.begin(), v.end());
    return v;
}

// Bounds from the sorted values and the last index of each class.
ClassBreaks from_ends(BreakMethod method, const std::vector<double>& v, const std::vector<std::size_t>& ends)
{
    ClassBreaks b;
    b.method = method;
    b.bounds.push_back(v.front());
    std::size_t start = 0;
    for (std::size_t e : ends) {
        b.bounds.push_back(v[e]);
        b.counts.push_back(e + 1 - start);
        start = e + 1;
    }
    return b;
}

}  // namespace

std::size_t ClassBreaks::class_of(double value) const
{
    const std::size_t k = classes();
    if (k == 0) return 0;
    for (std::size_t i = 0; i + 1 < k; ++i)
        if (value <= bounds[i + 1]) return i;
    return k - 1;
}

std::vector<std::string> ClassBreaks::labels(int decimals) const
{
    std::vector<std::string> out;
    char buf[96];
    for (std::size_t i = 0; i < classes(); ++i) {
        std::snprintf(buf, sizeof buf, "%.*f – %.*f", decimals, bounds[i], decimals, bounds[i + 1]);
        out.push_back(buf);
    }
    return out;
}

Result<ClassBreaks> natural_breaks(std::span<const double> values, std::size_t classes)
{
    const auto v = sorted_values(values);
    if (v.empty()) return breaks_error("没有可分级的数值");
    if (classes < 1) return breaks_error("分级数应至少为 1");
    std::size_t distinct = 1;
    for (std::size_t i = 1; i < v.size(); ++i) distinct += v[i] != v[i - 1];
    const std::size_t k = std::min(classes, distinct);
    const std::size_t n = v.size();
    // Prefix sums of the values and their squares: the deviation of v[a..b] in O(1). Values are
    // shifted by their mean first so the sums of squares lose no precision.
    double mean = 0;
    for (double x : v) mean += x / static_cast<double>(n);
    std::vector<double> s(n + 1, 0), s2(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = v[i] - mean;
        s[i + 1] = s[i] + x;
        s2[i + 1] = s2[i] + x * x;
    }
    const auto ssd = [&](std::size_t a, std::size_t b) {  // v[a..b], inclusive
        const double m = static_cast<double>(b - a + 1);
        const double sum = s[b + 1] - s[a];
        return std::max(0.0, s2[b + 1] - s2[a] - sum * sum / m);
    };
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // cost[j][i]: least deviation of v[0..i] in j+1 classes; last[j][i]: where its last class starts.
    std::vector<std::vector<double>> cost(k, std::vector<double>(n, kInf));
    std::vector<std::vector<std::size_t>> first(k, std::vector<std::size_t>(n, 0));
    for (std::size_t i = 0; i < n; ++i) cost[0][i] = ssd(0, i);
    for (std::size_t j = 1; j < k; ++j)
        for (std::size_t i = j; i < n; ++i)
            for (std::size_t a = j; a <= i; ++a) {
                // Equal values stay in one class: a class may not start inside a run of ties.
                if (v[a] == v[a - 1]) continue;
                const double c = cost[j - 1][a - 1] + ssd(a, i);
                if (c < cost[j][i]) {
                    cost[j][i] = c;
                    first[j][i] = a;
                }
            }
    std::vector<std::size_t> ends(k);
    std::size_t end = n - 1;
    for (std::size_t j = k; j-- > 0;) {
        ends[j] = end;
        if (j > 0) end = first[j][end] - 1;
    }
    return from_ends(BreakMethod::natural, v, ends);
}

Result<ClassBreaks> quantile_breaks(std::span<const double> values, std::size_t classes)
{
    const auto v = sorted_values(values);
    if (v.empty()) return breaks_error("没有可分级的数值");
    if (classes < 1) return breaks_error("分级数应至少为 1");
    const std::size_t n = v.size();
    std::vector<std::size_t> ends;
    for (std::size_t j = 1; j <= classes; ++j) {
        std::size_t e = (j * n + classes - 1) / classes - 1;  // last index of class j-1: ceil(j·n/k) - 1
        while (e + 1 < n && v[e + 1] == v[e]) ++e;  // ties stay together
        if (ends.empty() || e > ends.back()) ends.push_back(e);
        if (e == n - 1) break;
    }
    if (ends.back() != n - 1) ends.push_back(n - 1);
    return from_ends(BreakMethod::quantile, v, ends);
}

Result<ClassBreaks> fixed_breaks(std::span<const double> values, std::span<const double> upper)
{
    const auto v = sorted_values(values);
    if (v.empty()) return breaks_error("没有可分级的数值");
    for (std::size_t i = 1; i < upper.size(); ++i)
        if (!(upper[i] > upper[i - 1])) return breaks_error("固定分级的界值应从小到大排列且不重复");
    ClassBreaks b;
    b.method = BreakMethod::fixed;
    b.bounds.push_back(v.front());
    for (double u : upper)
        if (u > v.front() && u < v.back()) b.bounds.push_back(u);
    b.bounds.push_back(v.back());
    b.counts.assign(b.classes(), 0);
    for (double x : v) ++b.counts[b.class_of(x)];
    return b;
}

double within_class_deviation(std::span<const double> values, const ClassBreaks& breaks)
{
    const std::size_t k = breaks.classes();
    std::vector<double> sum(k, 0), n(k, 0);
    for (double x : values)
        if (!std::isnan(x)) {
            const auto c = breaks.class_of(x);
            sum[c] += x;
            n[c] += 1;
        }
    double d = 0;
    for (double x : values)
        if (!std::isnan(x)) {
            const auto c = breaks.class_of(x);
            const double m = sum[c] / n[c];
            d += (x - m) * (x - m);
        }
    return d;
}

}  // namespace coopmap::analysis
