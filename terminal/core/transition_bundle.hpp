#pragma once
// The transition bundle (at step-down and handover): what must be evidenced before an episode closes,
// each item with who and when; care flags that need particular care; closing and the follow-up
// contact that closure creates, due within the shortest window that applies:
// 48 h where suicide risk was identified, 72 h after an inpatient ward, otherwise by 23:59 local on
// the seventh day — all from the closure instant.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct RecordTransitionItem;
struct CloseEpisode;

// Required items, in checklist order.
const std::vector<std::string_view>& transition_items();
// Care flags (noted with the same command; not required).
const std::vector<std::string_view>& care_flags();
// "Risk reassessed at transition", ...
std::string_view transition_item_label(std::string_view item);
// Short words for a board line: "safety plan", "handover summary", "joint meeting".
std::string_view transition_item_short(std::string_view item);

struct BundleItem {
  std::string_view item;
  bool done = false;
  Instant at{};  // latest record: when, who, what
  StaffId by{};
  std::string detail{};
  int versions = 0;  // records of this item (safety plan versions)
};

struct BundleStatus {
  std::vector<BundleItem> items;  // every required item
  std::vector<std::string_view> flags;  // care flags noted
  bool complete() const;
  std::vector<std::string_view> missing() const;
};

BundleStatus bundle_status(const Snapshot& s, Id episode);

// When the follow-up contact after closing at `closed` is due (shortest window wins).
Instant follow_up_due(const Snapshot& s, const Episode& e, Instant closed);
inline constexpr const char* follow_up_reason = "follow-up after closure";
// A planned follow-up contact of a closed episode (created at closure) still to be done.
bool is_open_follow_up(const Episode& e, const Visit& v);

std::optional<std::string> transition_command_problem(const Snapshot& s, const RecordTransitionItem& c);
std::optional<std::string> transition_command_problem(const Snapshot& s, const CloseEpisode& c);

// The bundle as it stood at `as_at` (records and reassessments after it ignored): at closure, say.
BundleStatus bundle_status_as_at(const Snapshot& s, Id episode, Instant as_at);

}  // namespace vb
