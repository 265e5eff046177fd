#pragma once
// The words of the domain as enums, with the exact spellings used in the database, the command
// line and JSON. Parsing a word that is not in the list gives nullopt, never a default.
#include <optional>
#include <string_view>

namespace vb {

enum class Stage { intensive, step_down, handover, closed };
enum class RiskLevel { low, medium, high };
enum class VisitStatus { planned, done, no_access, cancelled_by_person, cancelled_by_team, rescheduled };
enum class VisitType { home, phone, video, clinic };
enum class ReviewStatus { ok, due, overdue };
enum class ShiftKind { early, late, twilight, night };

std::string_view to_string(Stage v);
std::string_view to_string(RiskLevel v);
std::string_view to_string(VisitStatus v);
std::string_view to_string(VisitType v);
std::string_view to_string(ReviewStatus v);
std::string_view to_string(ShiftKind v);

std::optional<Stage> parse_stage(std::string_view s);
std::optional<RiskLevel> parse_risk_level(std::string_view s);
std::optional<VisitStatus> parse_visit_status(std::string_view s);
std::optional<VisitType> parse_visit_type(std::string_view s);
std::optional<ShiftKind> parse_shift_kind(std::string_view s);

// Words for people on screen ("No access", "Cancelled by person").
std::string_view status_label(VisitStatus v);
std::string_view stage_label(Stage v);
std::string_view risk_label(RiskLevel v);

// Ordering for "high risk first".
inline int risk_rank(RiskLevel r) { return static_cast<int>(r); }

}  // namespace vb
