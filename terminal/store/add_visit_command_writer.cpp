// Adding a visit by hand: one visit row (no plan slot, hand_edited), its visit_skill rows and one
// audit row, in the caller's transaction (core/add_visit.hpp decides the visit and its out-of-hours flag).
#include "core/add_visit.hpp"
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

namespace vb::store::detail {

Id StepDownCommandWriter::apply(const Command& c, const AddVisit& a) {
  undo_.save_whole();
  Visit v = visit_to_add(s_, a);
  auto st = db_.prepare(
      "INSERT INTO visit (episode_id, local_date, window_start, window_end, type, status, out_of_hours, double_up, "
      "reason, duration_min, plan_slot, hand_edited) VALUES (?1, ?2, ?3, ?4, ?5, 'planned', ?6, ?7, ?8, ?9, NULL, 1)");
  st.bind_int(1, v.episode_id);
  bind_date(st, 2, v.date);
  bind_instant(st, 3, v.window_start);
  bind_instant(st, 4, v.window_end);
  st.bind_text(5, to_string(v.type));
  bind_bool(st, 6, v.out_of_hours);
  bind_bool(st, 7, v.double_up);
  st.bind_text(8, v.reason).bind_int(9, v.duration_min);
  st.run("adding a visit by hand to episode " + std::to_string(v.episode_id));
  v.id = sqlite3_last_insert_rowid(db_.handle());
  auto skill = db_.prepare("INSERT INTO visit_skill (visit_id, skill, seq) VALUES (?1, ?2, ?3)");
  for (size_t i = 0; i < v.required_skills.size(); ++i) {
    skill.bind_int(1, v.id).bind_text(2, v.required_skills[i]).bind_int(3, static_cast<std::int64_t>(i));
    skill.run("recording skill '" + v.required_skills[i] + "' of visit " + std::to_string(v.id));
  }
  s_.visits.push_back(v);
  s_.reindex();
  Json after{{"episode_id", v.episode_id},
             {"local_date", stored_date(v.date)},
             {"window_start", stored_instant(v.window_start)},
             {"window_end", stored_instant(v.window_end)},
             {"type", to_string(v.type)},
             {"duration_min", v.duration_min},
             {"double_up", v.double_up},
             {"out_of_hours", v.out_of_hours},
             {"required_skills", v.required_skills},
             {"note", v.reason},
             {"added_by_hand", true}};
  return audit_.write(c, a.at, a.by, "visit", v.id, nullptr, after);
}

}  // namespace vb::store::detail
