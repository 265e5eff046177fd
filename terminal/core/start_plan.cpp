#include "core/start_plan.hpp"

#include "core/commands.hpp"

namespace vb {

namespace {
LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
}  // namespace

const TaperTemplate* find_taper_template(const Snapshot& s, std::string_view name) {
  for (const auto& t : s.taper_templates)
    if (t.name == name) return &t;
  return nullptr;
}

std::string known_template_names(const Snapshot& s) {
  std::string out;
  for (const auto& t : s.taper_templates) out += (out.empty() ? "" : ", ") + t.name;
  return out;
}

std::optional<std::string> start_plan_problem(const Snapshot& s, const StartPlan& c) {
  const Episode* e = s.find_episode(c.episode);
  if (!e) return "episode " + std::to_string(c.episode) + " does not exist";
  if (!e->is_open()) return "episode " + std::to_string(c.episode) + " is closed";
  if (auto p = author_problem(s, c.by)) return p;
  if (const ContactPlan* plan = s.plan_for_episode(c.episode)) {
    return "episode " + std::to_string(c.episode) + " already has a plan (" + plan->name + ", from " +
           format_day_label(plan->start_date) + "): step it up or down instead";
  }
  if (s.taper_templates.empty()) return "no taper templates are loaded (data/taper_templates.txt)";
  if (!find_taper_template(s, c.template_name)) {
    return "unknown template '" + c.template_name + "'; known: " + known_template_names(s);
  }
  const LocalDate today = local_date_of(c.at, s.zone());
  if (date::sys_days{c.start} < date::sys_days{today}) return "the plan cannot start before today (" + format_day_label(today) + ")";
  if (date::sys_days{c.start} > date::sys_days{plus_days(today, start_plan_max_days_ahead)}) {
    return "the plan must start within " + std::to_string(start_plan_max_days_ahead) + " days (by " +
           format_day_label(plus_days(today, start_plan_max_days_ahead)) + ")";
  }
  return std::nullopt;
}

}  // namespace vb
