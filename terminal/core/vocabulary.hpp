#pragma once
// The words of the domain as enums, with the exact spellings used in the database, the command
// line and JSON. Parsing a word that is not in the list gives nullopt, never a default.
#include <cstdint>
#include <optional>
#include <string_view>

namespace vb {

// One byte each: they sit in rows loaded by the ten thousand (issue 7, memory).
enum class Stage : std::uint8_t { intensive, step_down, handover, closed };
enum class RiskLevel : std::uint8_t { low, medium, high };
enum class VisitStatus : std::uint8_t { planned, done, no_access, cancelled_by_person, cancelled_by_team, rescheduled };
enum class VisitType : std::uint8_t { home, phone, video, clinic };
enum class ReviewStatus { ok, due, overdue };
enum class ShiftKind : std::uint8_t { early, late, twilight, night };

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
