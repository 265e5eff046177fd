// The transition bundle's checklist, closure checks and the follow-up window.
#include "core/transition_bundle.hpp"

#include "core/care_flags.hpp"
#include "core/commands.hpp"

#include <algorithm>

namespace vb {

const std::vector<std::string_view>& transition_items() {
  static const std::vector<std::string_view> items{"risk_reassessed",  "safety_plan_updated",   "escalation_routes_shared",
                                                   "co_produced_plan", "receiving_service",     "handover_summary_sent",
                                                   "joint_meeting"};
  return items;
}

const std::vector<std::string_view>& care_flags() {
  static const std::vector<std::string_view> flags{"fluctuating_presentation", "substance_misuse", "lives_alone",
                                                   "ward_discharge_14d"};
  return flags;
}

std::string_view transition_item_label(std::string_view item) {
  if (item == "risk_reassessed") return "Risk reassessed at transition";
  if (item == "safety_plan_updated") return "Crisis and safety plan updated";
  if (item == "escalation_routes_shared") return "Escalation routes shared with person and carers";
  if (item == "co_produced_plan") return "Co-produced plan recorded";
  if (item == "receiving_service") return "Receiving service chosen";
  if (item == "handover_summary_sent") return "Handover summary sent";
  if (item == "joint_meeting") return "Joint transition meeting (date or reason none)";
  if (item == "fluctuating_presentation") return "Fluctuating presentation";
  if (item == "substance_misuse") return "Co-occurring substance misuse";
  if (item == "lives_alone") return "Lives alone";
  if (item == "ward_discharge_14d") return "Discharged from a ward within 14 days";
  return item;
}

std::string_view transition_item_short(std::string_view item) {
  if (item == "risk_reassessed") return "risk reassessment";
  if (item == "safety_plan_updated") return "safety plan";
  if (item == "escalation_routes_shared") return "escalation routes";
  if (item == "co_produced_plan") return "co-produced plan";
  if (item == "receiving_service") return "receiving service";
  if (item == "handover_summary_sent") return "handover summary";
  if (item == "joint_meeting") return "joint meeting";
  return transition_item_label(item);
}

bool BundleStatus::complete() const {
  return std::all_of(items.begin(), items.end(), [](const BundleItem& i) { return i.done; });
}

std::vector<std::string_view> BundleStatus::missing() const {
  std::vector<std::string_view> out;
  for (const auto& i : items)
    if (!i.done) out.push_back(i.item);
  return out;
}

namespace {
BundleStatus bundle_status_until(const Snapshot& s, Id episode, std::optional<Instant> as_at);
}

BundleStatus bundle_status(const Snapshot& s, Id episode) { return bundle_status_until(s, episode, std::nullopt); }

BundleStatus bundle_status_as_at(const Snapshot& s, Id episode, Instant as_at) {
  return bundle_status_until(s, episode, as_at);
}

namespace {
BundleStatus bundle_status_until(const Snapshot& s, Id episode, std::optional<Instant> as_at) {
  BundleStatus b;
  const auto& items = transition_items();
  b.items.reserve(items.size());
  for (auto item : items) b.items.push_back(BundleItem{item});
  // Each item's author and detail, copied once at the end (the walk keeps where they are).
  // Views into the rows themselves (a record's detail is a PackedText, a reassessment's note a string).
  std::vector<std::pair<const StaffId*, std::string_view>> taken(b.items.size(), {nullptr, {}});
  auto take = [&](BundleItem& i, Instant at, const StaffId& by, std::string_view detail) {
    ++i.versions;
    if (i.done && at < i.at) return;
    i.done = true;
    i.at = at;
    taken[static_cast<size_t>(&i - b.items.data())] = {&by, detail};
  };
  s.each_transition_record_of(episode, [&](const TransitionRecord& r) {
    if (as_at && r.at > *as_at) return;
    for (auto& i : b.items)
      if (i.item == r.item) take(i, r.at, r.by, r.detail);
  });
  // Care flags that stand (noted, and not cleared since: core/care_flags.hpp).
  for (const auto& f : care_flag_states(s, episode, as_at))
    if (f.on) b.flags.push_back(f.flag);
  // A documented risk reassessment (record_reassessment) counts for the first item too.
  s.each_reassessment_of(episode, [&](const RiskReassessment& r) {
    if (!as_at || r.at <= *as_at) take(b.items.front(), r.at, r.by, r.note);
  });
  for (size_t i = 0; i < b.items.size(); ++i)
    if (taken[i].first) {
      b.items[i].by = *taken[i].first;
      b.items[i].detail = std::string(taken[i].second);
    }
  return b;
}
}  // namespace

Instant follow_up_due(const Snapshot& s, const Episode& e, Instant closed) {
  const Zone zone = s.zone();
  const LocalDate seventh = LocalDate{date::sys_days{local_date_of(closed, zone)} + date::days{7}};
  Instant due = local_day_time(seventh, std::chrono::minutes{23 * 60 + 59}, zone);
  // The flag as it stood at closure (noted, and not cleared by then): the window is set when the
  // episode closes, and a later clear or note does not move it after the fact.
  if (care_flag_stands(s, e.id, "ward_discharge_14d", closed) || e.closure_destination == "inpatient")
    due = std::min(due, closed + std::chrono::hours{72});
  if (e.suicide_risk_identified) due = std::min(due, closed + std::chrono::hours{48});
  return due;
}

bool is_open_follow_up(const Episode& e, const Visit& v) {
  return e.closed_at && v.episode_id == e.id && v.status == VisitStatus::planned && v.window_start >= *e.closed_at &&
         v.reason == follow_up_reason;
}

namespace {
constexpr size_t max_text = 500;
}

std::optional<std::string> transition_command_problem(const Snapshot& s, const RecordTransitionItem& c) {
  const Episode* e = s.find_episode(c.episode);
  if (!e) return "episode " + std::to_string(c.episode) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  const auto& items = transition_items();
  const auto& flags = care_flags();
  if (std::find(items.begin(), items.end(), c.item) == items.end() && std::find(flags.begin(), flags.end(), c.item) == flags.end()) {
    std::string known;
    for (auto i : items) known += std::string(known.empty() ? "" : ", ") + std::string(i);
    for (auto i : flags) known += ", " + std::string(i);
    return "'" + c.item + "' is not a transition item or care flag (known: " + known + ")";
  }
  if ((c.item == "receiving_service" || c.item == "joint_meeting" || c.item == "handover_summary_sent") && c.detail.empty())
    return "'" + c.item + "' needs a detail (the service; the meeting date or 'none: reason'; the date sent)";
  if (c.detail.size() > max_text) return "the detail is longer than 500 characters";
  if (is_care_flag(c.item) && std::string_view(c.detail).substr(0, care_flag_cleared_prefix.size()) == care_flag_cleared_prefix)
    return "a care flag is cleared with clear_care_flag (with a reason), not by a detail starting 'cleared: '";
  if (is_care_flag(c.item)) {  // a note dated before the flag's clearing would be passed over: nothing would change
    for (const auto& st : care_flag_states(s, c.episode))
      if (st.flag == c.item && !st.on && st.at > c.at)
        return "'" + c.item + "' was cleared at " + format_local_datetime(st.at, s.zone()) + ", after this note's time " +
               format_local_datetime(c.at, s.zone()) + ": a note must be at or after the clear it undoes";
  }
  return std::nullopt;
}

std::optional<std::string> transition_command_problem(const Snapshot& s, const CloseEpisode& c) {
  const Episode* e = s.find_episode(c.episode);
  if (!e) return "episode " + std::to_string(c.episode) + " does not exist";
  if (!e->is_open()) return "episode " + std::to_string(c.episode) + " is already closed";
  if (auto p = author_problem(s, c.by)) return p;
  if (c.reason.empty()) return "closing needs a reason (resolved, admitted, ...)";
  if (c.reason.size() > max_text || c.override_reason.size() > max_text || c.destination.size() > 100)
    return "a field is longer than allowed";
  auto bundle = bundle_status(s, c.episode);
  if (!bundle.complete() && c.override_reason.empty()) {
    std::string missing;
    for (auto m : bundle.missing()) missing += std::string(missing.empty() ? "" : ", ") + std::string(m);
    return "the transition bundle is incomplete (missing: " + missing +
           "): complete it, or give an override reason to close anyway";
  }
  return std::nullopt;
}

}  // namespace vb
