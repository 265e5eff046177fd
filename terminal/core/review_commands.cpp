// What makes a senior-review command acceptable: known ids, the right people, capacity, words.
#include "core/commands.hpp"
#include "core/escalation.hpp"
#include "core/review_slots.hpp"

#include <algorithm>

namespace vb {

namespace {

constexpr size_t max_text = 2000;

bool in(const std::vector<std::string_view>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string joined(const std::vector<std::string_view>& list) {
  std::string out;
  for (auto w : list) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::optional<std::string> open_episode_problem(const Snapshot& s, Id episode) {
  const Episode* e = s.find_episode(episode);
  if (!e) return "episode " + std::to_string(episode) + " does not exist";
  if (!e->is_open()) return "episode " + std::to_string(episode) + " is closed";
  return std::nullopt;
}

std::optional<std::string> reviewer_problem(const Snapshot& s, const StaffId& reviewer) {
  const Staff* r = s.find_staff(reviewer);
  if (!r) return "reviewer '" + reviewer + "' does not exist";
  if (!r->active) return "reviewer '" + reviewer + "' is no longer active";
  if (!r->has_skill("senior_reviewer")) return r->name + " is not a senior reviewer";
  return std::nullopt;
}

std::optional<std::string> text_problem(const std::string& text, const char* field, bool required) {
  if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) return std::string(field) + " is required";
  if (text.size() > max_text) return std::string(field) + " is longer than 2000 characters";
  return std::nullopt;
}

}  // namespace

const std::vector<std::string_view>& review_decisions() {
  static const std::vector<std::string_view> v{"continue", "step_up", "step_down", "admit", "hand_over", "close"};
  return v;
}
const std::vector<std::string_view>& risk_domain_names() {
  static const std::vector<std::string_view> v{"self_harm_suicide", "self_neglect", "exploitation", "harm_to_others",
                                               "safeguarding"};
  return v;
}
const std::vector<std::string_view>& concern_sources() {
  static const std::vector<std::string_view> v{"carer", "person", "gp", "police", "other_service", "staff"};
  return v;
}

std::optional<std::string> review_command_problem(const Snapshot& s, const BookReview& c) {
  if (auto p = open_episode_problem(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (auto p = reviewer_problem(s, c.reviewer)) return p;
  if (c.slot_start < c.at) return "that slot has already started";
  auto slot = find_slot(s, c.reviewer, c.slot_start);
  if (!slot) {
    return s.find_staff(c.reviewer)->name + " has no slot at " + format_local_datetime(c.slot_start, s.zone());
  }
  for (const auto* b : slot->bookings)
    if (b->episode_id == c.episode) return "episode " + std::to_string(c.episode) + " is already booked into that slot";
  if (slot->full()) return "that slot is full (" + std::to_string(slot->capacity) + " booked)";
  if (const ReviewBooking* other = upcoming_booking(s, c.episode, c.at)) {
    return "episode " + std::to_string(c.episode) + " is already booked for " +
           format_local_datetime(other->slot_start, s.zone()) + "; cancel that booking first";
  }
  return std::nullopt;
}

std::optional<std::string> review_command_problem(const Snapshot& s, const CancelBooking& c) {
  if (auto p = author_problem(s, c.by)) return p;
  auto it = std::find_if(s.bookings.begin(), s.bookings.end(), [&](const ReviewBooking& b) { return b.id == c.booking; });
  if (it == s.bookings.end()) return "booking " + std::to_string(c.booking) + " does not exist";
  if (!it->active()) return "booking " + std::to_string(c.booking) + " is already cancelled";
  return text_problem(c.reason, "a reason", true);
}

std::optional<std::string> review_command_problem(const Snapshot& s, const RecordReview& c) {
  if (auto p = open_episode_problem(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (auto p = reviewer_problem(s, c.reviewer)) return p;
  if (!in(review_decisions(), c.decision))
    return "decision '" + c.decision + "' is not one of " + joined(review_decisions());
  for (const auto& d : c.risk_domains)
    if (!in(risk_domain_names(), d)) return "risk domain '" + d + "' is not one of " + joined(risk_domain_names());
  if (auto p = text_problem(c.rationale, "a rationale", true)) return p;
  if (c.held_at > c.at + std::chrono::minutes{5}) return "a review cannot be recorded before it is held";
  const Episode* e = s.find_episode(c.episode);
  if (c.held_at < e->accepted_at) return "the review is dated before the episode was accepted";
  if (c.next_review_due && *c.next_review_due <= c.held_at) return "the next review must be after this one";
  return std::nullopt;
}

std::optional<std::string> review_command_problem(const Snapshot& s, const LogDecision& c) {
  const Episode* e = s.find_episode(c.episode);
  if (!e) return "episode " + std::to_string(c.episode) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (auto p = text_problem(c.decision, "the decision", true)) return p;
  if (auto p = text_problem(c.rationale, "a rationale", true)) return p;
  if (auto p = text_problem(c.options_considered, "options considered", false)) return p;
  if (auto p = text_problem(c.informed, "who was informed", false)) return p;
  if (c.corrects) {
    auto it = std::find_if(s.decisions.begin(), s.decisions.end(),
                           [&](const DecisionLogEntry& d) { return d.id == *c.corrects; });
    if (it == s.decisions.end()) return "decision " + std::to_string(*c.corrects) + " does not exist";
    if (it->episode_id != c.episode) return "decision " + std::to_string(*c.corrects) + " belongs to another episode";
  }
  return std::nullopt;
}

std::optional<std::string> review_command_problem(const Snapshot& s, const SetRisk& c) {
  if (auto p = open_episode_problem(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (s.find_episode(c.episode)->risk == c.risk)
    return "episode " + std::to_string(c.episode) + " is already " + std::string(to_string(c.risk)) + " risk";
  return text_problem(c.reason, "a reason", true);
}

std::optional<std::string> review_command_problem(const Snapshot& s, const RaiseConcern& c) {
  if (auto p = open_episode_problem(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (!in(concern_sources(), c.source)) return "source '" + c.source + "' is not one of " + joined(concern_sources());
  return text_problem(c.note, "a note of the concern", true);
}

std::optional<std::string> review_command_problem(const Snapshot& s, const AcknowledgeEscalation& c) {
  if (auto p = open_episode_problem(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (auto p = text_problem(c.note, "a note of what was done", true)) return p;
  for (const auto& x : escalations(s, c.at)) {
    if (x.episode->id != c.episode || x.trigger != c.trigger || x.fired_at != c.fired_at) continue;
    if (!x.open()) return "that escalation was already acknowledged by " + x.ack->by;
    const EscalationStep& step = s.review_rules.cascade[x.level];
    const Staff* by = s.find_staff(c.by);
    if (!may_acknowledge(*by, step)) {
      return by->name + " cannot acknowledge at the " + step.label + " step (needs " +
             (step.role == "duty_senior" ? "a senior reviewer or medical staff" : "medical staff") + ")";
    }
    return std::nullopt;
  }
  return "no open escalation '" + c.trigger + "' for episode " + std::to_string(c.episode) + " fired at " +
         format_local_datetime(c.fired_at, s.zone());
}

std::optional<std::string> review_command_problem(const Snapshot& s, const SetThresholds& c) {
  if (auto p = open_episode_problem(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  // The documented thresholds are a clinical decision: a senior reviewer or medical staff sets them.
  const Staff* by = s.find_staff(c.by);
  if (!by->has_skill("senior_reviewer") && by->discipline != "consultant" && by->discipline != "specialty_doctor")
    return by->name + " cannot set thresholds for admission (needs a senior reviewer or medical staff)";
  return text_problem(c.narrative, "the thresholds in words", true);
}

}  // namespace vb
