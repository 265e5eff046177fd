#pragma once
// Care flags of an episode (fluctuating presentation, substance misuse, lives alone, discharged from a
// ward within 14 days: core/transition_bundle.hpp care_flags()): noted with record_transition_item,
// cleared with clear_care_flag. Both are rows of the append-only transition record (a clear is the
// flag's row with detail "cleared: <reason>"), so the history keeps who noted and who cleared, when;
// the latest row of a flag says whether it stands.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct ClearCareFlag;

// The detail that marks a flag's row as its clearing: "cleared: <reason>".
inline constexpr std::string_view care_flag_cleared_prefix = "cleared: ";
bool is_care_flag(std::string_view item);
bool is_clearing(const TransitionRecord& r);

// One care flag as it stands: on when its latest row noted it. The latest row's when, who and
// detail (for a cleared flag, the reason after "cleared: "); at is 0 when the flag was never recorded.
struct CareFlagState {
  std::string_view flag;
  bool on = false;
  Instant at{};
  StaffId by{};
  std::string detail{};
};

// Every care flag, in care_flags() order, for one episode; rows after `as_at` ignored when given.
std::vector<CareFlagState> care_flag_states(const Snapshot& s, Id episode, std::optional<Instant> as_at = std::nullopt);

// Whether one care flag stands (care_flag_states' rule for one flag, without building the list).
bool care_flag_stands(const Snapshot& s, Id episode, std::string_view flag, std::optional<Instant> as_at = std::nullopt);

std::optional<std::string> care_flag_command_problem(const Snapshot& s, const ClearCareFlag& c);

}  // namespace vb
