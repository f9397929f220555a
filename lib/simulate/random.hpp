// The Monte Carlo's randomness, written out so that a seed gives the same numbers with every
// standard library: std::mt19937_64's output is fixed by the standard, but
// std::uniform_real_distribution's and std::binomial_distribution's algorithms are not.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace kyoso::detail {

// SplitMix64 (Steele, Lea, Flood 2014): spreads (seed, run) into well-mixed engine seeds, so
// run r's stream is the same however many runs there are.
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// std::mt19937_64 seeded with one value, number for number, but with its state made as the
// draws need it. The standard engine fills its 312 words from the seed and regenerates all
// 312 at the first draw; a Monte Carlo run draws about 70 numbers, and seeding a fresh engine
// per run was a quarter of a sweep's time. Draw k needs only the seed's words up to k + 156
// and one regeneration step, so a run of 70 draws computes 226 words and 70 steps instead of
// 312 and 312. Word i of the regenerated state reads words i + 1 and i + 156 (mod 312), as
// the standard's in-place generation does, so doing it one word at a time gives the same
// state on every round.
class Mt19937_64 {
 public:
  using result_type = std::uint64_t;

  explicit Mt19937_64(std::uint64_t seed) {
    x_[0] = seed;
    seeded_ = 1;
  }

  std::uint64_t operator()() {
    if (next_ == n) next_ = 0;
    std::size_t i = next_++;
    if (seeded_ < n) seed_through(i < n - m ? i + m : i + 1);
    std::size_t after = i + 1 == n ? 0 : i + 1;
    std::size_t ahead = i < n - m ? i + m : i - (n - m);
    std::uint64_t y = (x_[i] & upper) | (x_[after] & lower);
    x_[i] = x_[ahead] ^ (y >> 1) ^ ((y & 1) ? matrix : 0);
    std::uint64_t z = x_[i];
    z ^= (z >> 29) & 0x5555555555555555ULL;
    z ^= (z << 17) & 0x71D67FFFEDA60000ULL;
    z ^= (z << 37) & 0xFFF7EEE000000000ULL;
    return z ^ (z >> 43);
  }

 private:
  static constexpr std::size_t n = 312;
  static constexpr std::size_t m = 156;
  static constexpr std::uint64_t matrix = 0xB5026F5AA96619E9ULL;
  static constexpr std::uint64_t upper = ~std::uint64_t{0} << 31;
  static constexpr std::uint64_t lower = ~upper;

  // The standard's seeding recurrence, carried on to word `last` (which may be the last, 311).
  void seed_through(std::size_t last) {
    for (; seeded_ <= last && seeded_ < n; ++seeded_) {
      std::uint64_t prev = x_[seeded_ - 1];
      x_[seeded_] = 6364136223846793005ULL * (prev ^ (prev >> 62)) + seeded_;
    }
  }

  std::array<std::uint64_t, n> x_;
  std::size_t seeded_;
  std::size_t next_ = 0;
};

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
  Mt19937_64 engine_;
};

}  // namespace kyoso::detail
