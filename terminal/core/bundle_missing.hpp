#pragma once
// Which transition-bundle items were still missing at an instant, as a bit set (issue 6: the
// compliance board asks this of every closure and needs neither authors nor detail text).
// Bit i stands for transition_items()[i]; the same answer as !bundle_status_as_at(...).items[i].done.
#include "core/snapshot.hpp"

#include <cstdint>

namespace vb {

std::uint32_t bundle_missing_as_at(const Snapshot& s, Id episode, Instant as_at);

}  // namespace vb
