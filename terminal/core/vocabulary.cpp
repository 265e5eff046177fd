// Spellings of the domain words; one table per enum so parse and print cannot disagree.
#include "core/vocabulary.hpp"

#include <array>
#include <utility>

namespace vb {
namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Stage, 4> stages{{{Stage::intensive, "intensive"},
                                  {Stage::step_down, "step-down"},
                                  {Stage::handover, "handover"},
                                  {Stage::closed, "closed"}}};
constexpr Table<RiskLevel, 3> risks{{{RiskLevel::low, "low"}, {RiskLevel::medium, "medium"}, {RiskLevel::high, "high"}}};
constexpr Table<VisitStatus, 6> statuses{{{VisitStatus::planned, "planned"},
                                          {VisitStatus::done, "done"},
                                          {VisitStatus::no_access, "no_access"},
                                          {VisitStatus::cancelled_by_person, "cancelled_by_person"},
                                          {VisitStatus::cancelled_by_team, "cancelled_by_team"},
                                          {VisitStatus::rescheduled, "rescheduled"}}};
constexpr Table<VisitType, 4> types{
    {{VisitType::home, "home"}, {VisitType::phone, "phone"}, {VisitType::video, "video"}, {VisitType::clinic, "clinic"}}};
constexpr Table<ReviewStatus, 3> review_statuses{
    {{ReviewStatus::ok, "ok"}, {ReviewStatus::due, "due"}, {ReviewStatus::overdue, "overdue"}}};
constexpr Table<ShiftKind, 4> shift_kinds{{{ShiftKind::early, "early"},
                                           {ShiftKind::late, "late"},
                                           {ShiftKind::twilight, "twilight"},
                                           {ShiftKind::night, "night"}}};

template <typename E, size_t N>
std::string_view name_of(const Table<E, N>& t, E v) {
  for (const auto& [e, s] : t)
    if (e == v) return s;
  return "?";
}

template <typename E, size_t N>
std::optional<E> parse_in(const Table<E, N>& t, std::string_view s) {
  for (const auto& [e, name] : t)
    if (name == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Stage v) { return name_of(stages, v); }
std::string_view to_string(RiskLevel v) { return name_of(risks, v); }
std::string_view to_string(VisitStatus v) { return name_of(statuses, v); }
std::string_view to_string(VisitType v) { return name_of(types, v); }
std::string_view to_string(ReviewStatus v) { return name_of(review_statuses, v); }
std::string_view to_string(ShiftKind v) { return name_of(shift_kinds, v); }

std::optional<Stage> parse_stage(std::string_view s) { return parse_in(stages, s); }
std::optional<RiskLevel> parse_risk_level(std::string_view s) { return parse_in(risks, s); }
std::optional<VisitStatus> parse_visit_status(std::string_view s) { return parse_in(statuses, s); }
std::optional<VisitType> parse_visit_type(std::string_view s) { return parse_in(types, s); }
std::optional<ShiftKind> parse_shift_kind(std::string_view s) { return parse_in(shift_kinds, s); }

std::string_view status_label(VisitStatus v) {
  switch (v) {
    case VisitStatus::planned: return "Planned";
    case VisitStatus::done: return "Done";
    case VisitStatus::no_access: return "No access";
    case VisitStatus::cancelled_by_person: return "Cancelled by person";
    case VisitStatus::cancelled_by_team: return "Cancelled by team";
    case VisitStatus::rescheduled: return "Rescheduled";
  }
  return "?";
}

std::string_view stage_label(Stage v) {
  switch (v) {
    case Stage::intensive: return "Intensive";
    case Stage::step_down: return "Step-down";
    case Stage::handover: return "Handover";
    case Stage::closed: return "Closed";
  }
  return "?";
}

std::string_view risk_label(RiskLevel v) {
  switch (v) {
    case RiskLevel::low: return "Low";
    case RiskLevel::medium: return "Medium";
    case RiskLevel::high: return "High";
  }
  return "?";
}

}  // namespace vb
