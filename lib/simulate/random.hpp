// The Monte Carlo's randomness, written out so that a seed gives the same numbers with every
// standard library: std::mt19937_64's output is fixed by the standard, but
// std::uniform_real_distribution's and std::binomial_distribution's algorithms are not.
#pragma once

#include <cstdint>
#include <random>

namespace kyoso::detail {

// SplitMix64 (Steele, Lea, Flood 2014): spreads (seed, run) into well-mixed engine seeds, so
// run r's stream is the same however many runs there are.
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

class Random {
 public:
  Random(std::uint64_t seed, std::uint64_t run) : engine_(splitmix64(seed ^ splitmix64(run))) {}

  // Uniform in [0, 1): the top 53 bits of one draw.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Binomial(n, p) as n Bernoulli trials: cohorts are a handful of sites, so the plain sum is
  // both exact and cheap.
  std::int64_t binomial(std::int64_t n, double p) {
    std::int64_t k = 0;
    for (std::int64_t i = 0; i < n; ++i) k += uniform() < p ? 1 : 0;
    return k;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace kyoso::detail
