// The transition bundle's missing items at an instant, without building a BundleStatus.
#include "core/bundle_missing.hpp"

#include "core/transition_bundle.hpp"

namespace vb {

std::uint32_t bundle_missing_as_at(const Snapshot& s, Id episode, Instant as_at) {
  const auto& items = transition_items();
  std::uint32_t missing = (std::uint32_t{1} << items.size()) - 1;
  // As bundle_status_until: an item is done by any record of it up to as_at; a documented risk
  // reassessment up to as_at does the first item too.
  s.each_transition_record_of(episode, [&](const TransitionRecord& r) {
    if (missing == 0 || r.at > as_at) return;
    const std::string_view item = r.item.view();
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i] == item) {
        missing &= ~(std::uint32_t{1} << i);
        break;
      }
  });
  if (missing & 1u)
    s.each_reassessment_of(episode, [&](const RiskReassessment& r) {
      if (r.at <= as_at) missing &= ~1u;
    });
  return missing;
}

}  // namespace vb
