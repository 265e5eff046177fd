#pragma once
// Starting an episode's contact plan from a taper template (issue 3). Pure.
#include "core/snapshot.hpp"

#include <optional>
#include <string>

namespace vb {

struct StartPlan;

// The template of that name (exact, case-sensitive) among the snapshot's, or nullptr.
const TaperTemplate* find_taper_template(const Snapshot& s, std::string_view name);
// "Standard taper, High risk start, ..." (in file order).
std::string known_template_names(const Snapshot& s);

// A plan may start from today up to this many days ahead.
inline constexpr int start_plan_max_days_ahead = 28;

// The command's checks: an open episode without a plan, a known template, a start date from today
// (local date of `at`) to 28 days ahead, an active author.
std::optional<std::string> start_plan_problem(const Snapshot& s, const StartPlan& c);

}  // namespace vb
