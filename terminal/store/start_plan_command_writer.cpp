// Starting a contact plan from a taper template: the plan row, its phases and its planned visits in
// the command's transaction, one audit row. Reuses the step-down writer's phase replacement and
// history-keeping regeneration.
#include "core/start_plan.hpp"
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

namespace vb::store::detail {

Id StepDownCommandWriter::apply(const Command& c, const StartPlan& p) {
  undo_.save_whole();  // before the plan is added: a refusal later in the batch puts the snapshot back
  const TaperTemplate& t = *find_taper_template(s_, p.template_name);  // command_problem has checked it
  auto st = db_.prepare("INSERT INTO contact_plan (episode_id, name, start_date) VALUES (?1, ?2, ?3)");
  st.bind_int(1, p.episode).bind_text(2, t.name);
  bind_date(st, 3, p.start);
  st.run("starting a contact plan for episode " + std::to_string(p.episode));
  ContactPlan plan;
  plan.id = sqlite3_last_insert_rowid(db_.handle());
  plan.episode_id = p.episode;
  plan.name = t.name;
  plan.start_date = p.start;
  s_.plans.push_back(plan);
  s_.reindex();
  ContactPlan next = plan_from_template(t, p.start);
  next.id = plan.id;
  next.episode_id = p.episode;
  return change_plan(c, p.episode, next, "start_plan", "started from template '" + t.name + "'", p.by, p.at);
}

}  // namespace vb::store::detail
