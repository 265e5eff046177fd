// Care flags as they stand, and the check on clearing one.
#include "core/care_flags.hpp"

#include "core/commands.hpp"
#include "core/local_time.hpp"
#include "core/transition_bundle.hpp"

#include <algorithm>

namespace vb {

bool is_care_flag(std::string_view item) {
  const auto& flags = care_flags();
  return std::find(flags.begin(), flags.end(), item) != flags.end();
}

bool is_clearing(const TransitionRecord& r) {
  return is_care_flag(r.item) && std::string_view(r.detail).substr(0, care_flag_cleared_prefix.size()) == care_flag_cleared_prefix;
}

std::vector<CareFlagState> care_flag_states(const Snapshot& s, Id episode, std::optional<Instant> as_at) {
  std::vector<CareFlagState> out;
  std::vector<bool> seen;
  for (auto f : care_flags()) {
    out.push_back(CareFlagState{f});
    seen.push_back(false);
  }
  // Rows come in id order: on equal instants the later row wins (a clear just after a note).
  for (const TransitionRecord* r : s.transition_records_of(episode)) {
    if (as_at && r->at > *as_at) continue;
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].flag != r->item || (seen[i] && r->at < out[i].at)) continue;
      seen[i] = true;
      out[i].on = !is_clearing(*r);
      out[i].at = r->at;
      out[i].by = r->by;
      out[i].detail = out[i].on ? r->detail.str() : r->detail.str().substr(care_flag_cleared_prefix.size());
    }
  }
  return out;
}

bool care_flag_stands(const Snapshot& s, Id episode, std::string_view flag, std::optional<Instant> as_at) {
  bool on = false, seen = false;
  Instant latest{};
  // Walked in place (the order of transition_records_of: id order, on a tie the later row wins).
  s.each_transition_record_of(episode, [&](const TransitionRecord& r) {
    if ((as_at && r.at > *as_at) || r.item != flag || (seen && r.at < latest)) return;
    seen = true;
    latest = r.at;
    on = !is_clearing(r);
  });
  return on;
}

std::optional<std::string> care_flag_command_problem(const Snapshot& s, const ClearCareFlag& c) {
  if (!s.find_episode(c.episode)) return "episode " + std::to_string(c.episode) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (!is_care_flag(c.flag)) {
    std::string known;
    for (auto f : care_flags()) known += std::string(known.empty() ? "" : ", ") + std::string(f);
    return "'" + c.flag + "' is not a care flag (known: " + known + ")";
  }
  const auto states = care_flag_states(s, c.episode);
  const auto it = std::find_if(states.begin(), states.end(), [&](const CareFlagState& f) { return f.flag == c.flag; });
  if (it == states.end() || !it->on)
    return "'" + c.flag + "' is not noted on episode " + std::to_string(c.episode) + ": there is nothing to clear";
  if (c.at < it->at)  // an earlier clear would be passed over by the later note: nothing would change
    return "'" + c.flag + "' was noted at " + format_local_datetime(it->at, s.zone()) + ", after this clear's time " + format_local_datetime(c.at, s.zone()) +
           ": a clear must be at or after the note it clears";
  if (c.reason.empty()) return "clearing a care flag needs a reason (no longer applies, recorded in error, ...)";
  if (c.reason.size() > 480) return "the reason is longer than 480 characters";
  return std::nullopt;
}

}  // namespace vb
