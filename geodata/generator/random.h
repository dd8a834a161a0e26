// Deterministic randomness for the sample generator. std:: distributions are
// implementation-defined, so every draw is made here from the raw 64-bit engine output;
// the same seed gives the same sample with any standard library.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <string_view>

namespace coopmap::sample {

// SplitMix64 finaliser (Steele, Lea, Flood 2014): a well-mixed hash of one 64-bit word.
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A stream id from text, so that each stage and each township draws from its own stream
// and a change in one stage does not reshuffle the others.
constexpr std::uint64_t stream_id(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
}

class Random {
public:
    explicit Random(std::uint64_t seed) : seed_(seed), engine_(seed) {}

    // A new independent stream derived from this one's seed.
    Random fork(std::string_view name) const { return Random(mix64(seed_ ^ stream_id(name))); }

    // Uniform in [0, 1) from the top 53 bits.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    // Uniform index in [0, n), n > 0.
    std::size_t index(std::size_t n)
    {
        const auto i = static_cast<std::size_t>(uniform() * static_cast<double>(n));
        return i < n ? i : n - 1;
    }
    int integer(int lo, int hi) { return lo + static_cast<int>(index(static_cast<std::size_t>(hi - lo + 1))); }
    // Standard normal by Box–Muller, no cached second value so that draws stay in lock-step.
    double normal()
    {
        const double u1 = 1.0 - uniform();  // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    std::uint64_t seed_;
    std::mt19937_64 engine_;
};

// Smooth value noise in [0, 1] on a unit lattice, summed over three octaves: a pure
// function of position and seed, used to bend boundaries and cluster settlements.
inline double lattice_value(std::int64_t ix, std::int64_t iy, std::uint64_t seed)
{
    const std::uint64_t h =
        mix64(seed ^ mix64(static_cast<std::uint64_t>(ix) * 0x632be59bd9b4e019ULL ^ static_cast<std::uint64_t>(iy)));
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

inline double value_noise(double x, double y, std::uint64_t seed)
{
    const double fx = std::floor(x), fy = std::floor(y);
    const auto ix = static_cast<std::int64_t>(fx), iy = static_cast<std::int64_t>(fy);
    const auto fade = [](double t) { return t * t * t * (t * (t * 6 - 15) + 10); };
    const double tx = fade(x - fx), ty = fade(y - fy);
    const double a = lattice_value(ix, iy, seed), b = lattice_value(ix + 1, iy, seed);
    const double c = lattice_value(ix, iy + 1, seed), d = lattice_value(ix + 1, iy + 1, seed);
    return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

inline double fractal_noise(double x, double y, std::uint64_t seed)
{
    double sum = 0, norm = 0, amp = 1, freq = 1;
    for (int octave = 0; octave < 3; ++octave) {
        sum += amp * value_noise(x * freq, y * freq, seed + static_cast<std::uint64_t>(octave) * 7919);
        norm += amp;
        amp *= 0.5;
        freq *= 2.03;
    }
    return sum / norm;
}

}  // namespace coopmap::sample
