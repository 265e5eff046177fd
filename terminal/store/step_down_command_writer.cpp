// Step down, step up and risk reassessment written to the store: the plan's phases replaced, future
// planned visits regenerated (history kept), a plan_change row, and one audit row per command.
#include "core/plan_generation.hpp"
#include "core/step_down.hpp"
#include "core/taper_template.hpp"
#include "store/command_writing.hpp"
#include "store/step_down_rows.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>
#include <set>

namespace vb::store::detail {

namespace {

Json phases_json(const ContactPlan& plan) {
  Json out = Json::array();
  for (const auto& p : plan.phases) out.push_back(format_phase(p));
  return out;
}

std::string label_on(const ContactPlan& plan, LocalDate d) {
  auto span = span_on(plan, d);
  return span ? plan.phases[span->index].label.str() : std::string();
}

}  // namespace

Id StepDownCommandWriter::change_plan(const Command& c, Id episode, const ContactPlan& next, const std::string& kind,
                                      const std::string& reason, const StaffId& by, Instant at) {
  undo_.save_whole();
  const ContactPlan* found = s_.plan_for_episode(episode);  // command_problem has checked it exists
  ContactPlan& plan = s_.plans[static_cast<size_t>(found - s_.plans.data())];
  const LocalDate today = local_date_of(at, s_.zone());
  Json before{{"phases", phases_json(plan)}, {"start_date", format_date(plan.start_date)}};
  const std::string from_label = label_on(plan, today);

  // The phases: replaced whole (nothing refers to a phase row).
  auto drop = db_.prepare("DELETE FROM contact_phase WHERE plan_id = ?1");
  drop.bind_int(1, plan.id);
  drop.run("replacing the phases of plan " + std::to_string(plan.id));
  auto insert = db_.prepare(
      "INSERT INTO contact_phase (plan_id, sequence, label, visits_per_day, every_n_days, length_days, focus, per_week, "
      "weekdays, windows, min_visit_min) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  std::vector<ContactPhase> phases = next.phases;
  for (auto& p : phases) {
    p.plan_id = plan.id;
    insert.bind_int(1, plan.id).bind_int(2, p.sequence).bind_text(3, p.label).bind_int(4, p.visits_per_day);
    insert.bind_int(5, p.every_n_days).bind_int(6, p.length_days).bind_text(7, p.focus).bind_int(8, p.per_week);
    insert.bind_text(9, stored_weekdays(p.weekdays)).bind_text(10, stored_windows(p.windows));
    insert.bind_int(11, p.min_visit_min);
    insert.run("writing phase " + std::to_string(p.sequence) + " of plan " + std::to_string(plan.id));
    p.id = sqlite3_last_insert_rowid(db_.handle());
  }
  plan.phases = std::move(phases);

  // Future planned visits follow the new plan; history stays.
  std::vector<Visit> mine;
  for (const auto& v : s_.visits)
    if (v.episode_id == episode) mine.push_back(v);
  const Regeneration regen = regenerate_visits(plan, episode, mine, at, s_.zone(), s_.rota_rules);
  auto remove = db_.prepare("DELETE FROM visit WHERE id = ?1 AND status = 'planned' AND outcome_at IS NULL AND hand_edited = 0");
  for (Id id : regen.remove) {
    remove.bind_int(1, id);
    remove.run("removing planned visit " + std::to_string(id));
    if (sqlite3_changes(db_.handle()) != 1) {
      throw StoreError(in_quotes(db_.path()) + ": planned visit " + std::to_string(id) +
                       " changed in the database meanwhile; nothing was recorded");
    }
  }
  auto add = db_.prepare(
      "INSERT INTO visit (episode_id, local_date, window_start, window_end, type, status, out_of_hours, double_up, "
      "reason, duration_min, plan_slot, hand_edited) VALUES (?1, ?2, ?3, ?4, ?5, 'planned', ?6, ?7, '', ?8, ?9, 0)");
  std::vector<Visit> added;
  for (Visit v : regen.add) {
    add.bind_int(1, episode);
    bind_date(add, 2, v.date);
    bind_instant(add, 3, v.window_start);
    bind_instant(add, 4, v.window_end);
    add.bind_text(5, to_string(v.type));
    bind_bool(add, 6, v.out_of_hours);
    bind_bool(add, 7, v.double_up);
    add.bind_int(8, v.duration_min).bind_int(9, *v.plan_slot);
    add.run("adding a planned visit for episode " + std::to_string(episode));
    v.id = sqlite3_last_insert_rowid(db_.handle());
    added.push_back(std::move(v));
  }
  // Kept visits whose out-of-hours flag the rules now set the other way: updated, not replaced.
  auto flag = db_.prepare(
      "UPDATE visit SET out_of_hours = ?1 WHERE id = ?2 AND status = 'planned' AND outcome_at IS NULL AND hand_edited = 0");
  for (const auto& [id, ooh] : regen.out_of_hours) {
    bind_bool(flag, 1, ooh);
    flag.bind_int(2, id);
    flag.run("updating the out-of-hours flag of planned visit " + std::to_string(id));
    if (sqlite3_changes(db_.handle()) != 1) {
      throw StoreError(in_quotes(db_.path()) + ": planned visit " + std::to_string(id) +
                       " changed in the database meanwhile; nothing was recorded");
    }
    for (Visit& v : s_.visits)
      if (v.id == id) v.out_of_hours = ooh;
  }
  std::set<Id> gone(regen.remove.begin(), regen.remove.end());
  s_.visits.erase(std::remove_if(s_.visits.begin(), s_.visits.end(), [&](const Visit& v) { return gone.count(v.id) > 0; }),
                  s_.visits.end());
  for (auto& v : added) s_.visits.push_back(v);

  // A plan started from a template is not a change of plan: no plan_change row (its audit row says it).
  const bool starting = kind == "start_plan";
  PlanChange change{0, episode, at, by, kind, from_label, label_on(plan, today), reason};
  if (!starting) {
    auto row = db_.prepare(
        "INSERT INTO plan_change (episode_id, at, by_staff, kind, from_phase, to_phase, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    row.bind_int(1, episode);
    bind_instant(row, 2, at);
    row.bind_text(3, by).bind_text(4, kind).bind_text(5, change.from_phase).bind_text(6, change.to_phase);
    row.bind_text(7, reason);
    row.run("writing the plan change of episode " + std::to_string(episode));
    change.id = sqlite3_last_insert_rowid(db_.handle());
    s_.plan_changes.push_back(change);
  }
  s_.reindex();

  Json added_ids = Json::array();
  for (const auto& v : added) added_ids.push_back(v.id);
  Json after{{"phases", phases_json(plan)},       {"from_phase", change.from_phase}, {"to_phase", change.to_phase},
             {"reason", reason},                  {"plan_change_id", change.id},     {"visits_added", added_ids},
             {"visits_removed", regen.remove}};
  if (!regen.out_of_hours.empty()) {
    Json flags = Json::array();
    for (const auto& [id, ooh] : regen.out_of_hours) flags.push_back({{"visit", id}, {"out_of_hours", ooh}});
    after["visits_out_of_hours_set"] = flags;
  }
  if (starting) {
    after["name"] = plan.name;
    after["start_date"] = format_date(plan.start_date);
    return audit_.write(c, at, by, "contact_plan", plan.id, nullptr, after);
  }
  return audit_.write(c, at, by, "contact_plan", plan.id, before, after);
}

Id StepDownCommandWriter::apply(const Command& c, const StepDown& d) {
  const ContactPlan& plan = *s_.plan_for_episode(d.episode);
  auto check = check_step_down_now(s_, plan, d.at);  // passed in command_problem: carries the reassessment
  std::string reason = d.note;
  if (check.reassessment) {
    reason += std::string(reason.empty() ? "" : "; ") + "risk reassessed by " + check.reassessment->by + " (" +
              check.reassessment->source + ", " + format_local_datetime(check.reassessment->at, s_.zone()) + ")";
  }
  return change_plan(c, d.episode, plan_stepped_down(plan, local_date_of(d.at, s_.zone())), "step_down", reason, d.by,
                     d.at);
}

Id StepDownCommandWriter::apply(const Command& c, const StepUp& u) {
  const ContactPlan& plan = *s_.plan_for_episode(u.episode);
  return change_plan(c, u.episode, plan_stepped_up(plan, local_date_of(u.at, s_.zone()), u.days), "step_up", u.reason,
                     u.by, u.at);
}

Id StepDownCommandWriter::apply(const Command& c, const RecordReassessment& r) {
  undo_.save_whole();
  auto st = db_.prepare(
      "INSERT INTO risk_reassessment (episode_id, at, by_staff, risk_level, note) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind_int(1, r.episode);
  bind_instant(st, 2, r.at);
  st.bind_text(3, r.by).bind_text(4, to_string(r.risk)).bind_text(5, r.note);
  st.run("writing a risk reassessment of episode " + std::to_string(r.episode));
  RiskReassessment row{sqlite3_last_insert_rowid(db_.handle()), r.episode, r.at, r.by, r.risk, r.note};
  s_.reassessments.push_back(row);
  Json after{{"episode_id", row.episode_id}, {"risk", to_string(row.risk)}, {"note", row.note}};
  return audit_.write(c, r.at, r.by, "risk_reassessment", row.id, nullptr, after);
}

}  // namespace vb::store::detail
