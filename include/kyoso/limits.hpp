// What one call may cost: hard caps on what a query lists or holds, so that its time and
// memory are bounded whatever it is asked, and a way to stop a long call early. The CLI, the
// Python module and a server share these values; a request over a cap is refused with an
// Error naming the cap and its value (docs/format.md, "Limits", lists them with the load
// limits).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "kyoso/error.hpp"

namespace kyoso::limits {

// shortest_paths(): the paths listed (PathQuery::max_paths) and the longest path looked for
// (PathQuery::max_length). A path holds one id per node, so these bound the answer's size.
inline constexpr std::size_t max_paths = 1'000;
inline constexpr int max_path_length = 100;

// neighbors(): how many steps away (depth), and how many nodes one answer may list; each
// comes with its path, so a hub's neighbourhood on a national model is refused rather than
// listed in gigabytes.
inline constexpr int max_neighbor_depth = 10;
inline constexpr std::size_t max_neighbors = 100'000;

// simulate(): a Monte Carlo keeps every run's yearly numbers until it takes their percentiles,
// one count per track and six more (new, promoted, ended, turned away, spend, funding scale):
// runs × years × (tracks + 6) values of 8 bytes, at most this many (80 MB). A deterministic
// run counts as one run. A program may have at most max_simulation_tracks tracks.
inline constexpr std::uint64_t max_simulation_values = 10'000'000;
inline constexpr std::size_t max_simulation_tracks = 1'000;

// Sweeps (many scenario × seed points in one request, include/kyoso/sweep.hpp): the most
// points one sweep may have — a grid's product of value counts, or a sampled design's
// samples. The runner holds a few thousand rows at a time; the CLI holds its whole output
// (about 1.3 KB a point for a 10-year COI-NEXT sweep recording everything).
inline constexpr std::size_t max_sweep_points = 1'000'000;
// The parameters one sweep may vary: a latin-hypercube design keeps each parameter's stratum
// for every point (4 bytes each), 400 MB at both caps.
inline constexpr std::size_t max_sweep_parameters = 100;

}  // namespace kyoso::limits

namespace kyoso {

// A long call stopped because its caller asked (InterruptScope).
class Interrupted : public Error {
 public:
  Interrupted();
};

// While one is alive, long calls on this thread — synthesize(), fit_all() (and the threads it
// starts), simulate(), apply(), load_model() — look at `stop` now and then, and throw
// Interrupted once it is true. Another thread sets it (the Python module does, on Ctrl-C).
// Scopes nest; the innermost is used.
class InterruptScope {
 public:
  explicit InterruptScope(const std::atomic<bool>& stop) noexcept;
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  // The flag of this thread's innermost scope, or null: for library code that starts threads
  // and passes it on.
  static const std::atomic<bool>* current() noexcept;
  // Throws Interrupted when this thread's flag is set.
  static void check();

 private:
  const std::atomic<bool>* previous_;
};

}  // namespace kyoso
