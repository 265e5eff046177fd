// The bundle's missing items at an instant (the compliance board's closures, issue 6) are exactly the
// items bundle_status_as_at leaves not done: at each closure, the instant before and after each
// record and reassessment, and on demo teams whose history holds the clock changes.
#include "core/bundle_missing.hpp"
#include "core/demo_team.hpp"
#include "core/transition_bundle.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace vb;
using namespace std::chrono_literals;

namespace {

std::uint32_t missing_from_status(const Snapshot& s, Id episode, Instant at) {
  const BundleStatus b = bundle_status_as_at(s, episode, at);
  std::uint32_t m = 0;
  for (size_t i = 0; i < b.items.size(); ++i)
    if (!b.items[i].done) m |= std::uint32_t{1} << i;
  return m;
}

}  // namespace

TEST_CASE("bundle missing: the items bundle_status_as_at leaves undone, at every closure and record") {
  size_t compared = 0, incomplete = 0, complete = 0;
  for (std::uint64_t seed : {3u, 11u}) {
    DemoOptions o;
    o.seed = seed;
    o.now = *parse_instant("2027-11-23T10:30", find_zone("Europe/London"));
    o.history_days = 2 * 365;
    const Snapshot s = generate_demo_team(o);
    for (const auto& e : s.episodes) {
      std::vector<Instant> at;
      if (e.closed_at) at.push_back(*e.closed_at);
      s.each_transition_record_of(e.id, [&](const TransitionRecord& r) {
        at.push_back(r.at - 1s);
        at.push_back(r.at);
      });
      s.each_reassessment_of(e.id, [&](const RiskReassessment& r) {
        at.push_back(r.at - 1s);
        at.push_back(r.at);
      });
      for (const Instant t : at) {
        const std::uint32_t want = missing_from_status(s, e.id, t);
        CHECK(bundle_missing_as_at(s, e.id, t) == want);
        ++compared;
        (want == 0 ? complete : incomplete) += 1;
      }
    }
  }
  CHECK(compared > 500);
  CHECK(complete > 10);
  CHECK(incomplete > 10);
}
