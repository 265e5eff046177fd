// The transition bundle's records and closing an episode: the episode closed, its future planned
// visits removed (history kept), a follow-up contact created within its window, one audit row each.
#include "core/add_visit.hpp"
#include "core/out_of_hours.hpp"
#include "core/plan_generation.hpp"
#include "core/transition_bundle.hpp"
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>
#include <set>

namespace vb::store::detail {

Id StepDownCommandWriter::apply(const Command& c, const RecordTransitionItem& r) {
  undo_.save_whole();
  auto st = db_.prepare("INSERT INTO transition_record (episode_id, item, at, by_staff, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind_int(1, r.episode).bind_text(2, r.item);
  bind_instant(st, 3, r.at);
  st.bind_text(4, r.by).bind_text(5, r.detail);
  st.run("writing transition item '" + r.item + "' of episode " + std::to_string(r.episode));
  TransitionRecord row{sqlite3_last_insert_rowid(db_.handle()), r.episode, r.item, r.at, r.by, r.detail};
  s_.transition_records.push_back(row);
  s_.reindex();  // a later command of the same batch (clear_care_flag) reads the episode's records
  Json after{{"episode_id", row.episode_id}, {"item", row.item}, {"detail", row.detail}};
  return audit_.write(c, r.at, r.by, "transition_record", row.id, nullptr, after);
}

Id StepDownCommandWriter::apply(const Command& c, const CloseEpisode& r) {
  undo_.save_whole();
  const auto bundle = bundle_status(s_, r.episode);
  Episode& e = s_.episodes[static_cast<size_t>(s_.find_episode(r.episode) - s_.episodes.data())];
  Json before{{"stage", to_string(e.stage)}, {"closed_at", nullptr}};
  e.stage = Stage::closed;
  e.closed_at = r.at;
  e.closure_reason = r.reason;
  e.closure_destination = r.destination;
  auto st = db_.prepare(
      "UPDATE episode SET stage = 'closed', closed_at = ?1, closure_reason = ?2, closure_destination = ?3 WHERE id = ?4 "
      "AND closed_at IS NULL");
  bind_instant(st, 1, r.at);
  st.bind_text(2, r.reason).bind_text(3, r.destination).bind_int(4, r.episode);
  const std::string context = "closing episode " + std::to_string(r.episode);
  st.run(context);
  if (sqlite3_changes(db_.handle()) != 1)
    throw StoreError(in_quotes(db_.path()) + ": " + context + ": the episode is no longer open in the database");

  // Future planned visits go (an empty plan asks for none); history stays.
  std::vector<Visit> mine;
  for (const auto& v : s_.visits)
    if (v.episode_id == r.episode) mine.push_back(v);
  ContactPlan none;
  const auto regen = regenerate_visits(none, r.episode, mine, r.at, s_.zone(), s_.rota_rules);
  auto remove = db_.prepare("DELETE FROM visit WHERE id = ?1 AND status = 'planned' AND outcome_at IS NULL AND hand_edited = 0");
  for (Id id : regen.remove) {
    remove.bind_int(1, id);
    remove.run("removing planned visit " + std::to_string(id));
  }
  // Visits added by hand that have not happened go too (the plan's regeneration keeps them).
  const std::vector<Id> hand_added = hand_added_to_remove_at_closure(s_.visits, r.episode, r.at);
  auto remove_added = db_.prepare("DELETE FROM visit WHERE id = ?1 AND status = 'planned' AND outcome_at IS NULL");
  auto remove_skills = db_.prepare("DELETE FROM visit_skill WHERE visit_id = ?1");
  for (Id id : hand_added) {
    remove_skills.bind_int(1, id);
    remove_skills.run("removing the skills of planned visit " + std::to_string(id));
    remove_added.bind_int(1, id);
    remove_added.run("removing planned visit " + std::to_string(id));
  }
  std::set<Id> gone(regen.remove.begin(), regen.remove.end());
  gone.insert(hand_added.begin(), hand_added.end());
  s_.visits.erase(std::remove_if(s_.visits.begin(), s_.visits.end(), [&](const Visit& v) { return gone.count(v.id) > 0; }),
                  s_.visits.end());

  // The follow-up contact, due within the shortest window that applies.
  Visit f;
  f.episode_id = r.episode;
  f.date = local_date_of(r.at, s_.zone());
  f.window_start = r.at;
  f.window_end = follow_up_due(s_, e, r.at);
  f.type = VisitType::phone;
  f.duration_min = 20;
  f.reason = follow_up_reason;
  // Out of hours by the one rule (core/out_of_hours): a closure in the evening, at a weekend or on
  // a bank holiday starts its follow-up call out of hours.
  f.out_of_hours = starts_out_of_hours(s_.rota_rules, f.window_start, s_.zone());
  auto add = db_.prepare(
      "INSERT INTO visit (episode_id, local_date, window_start, window_end, type, status, reason, duration_min, "
      "out_of_hours) VALUES (?1, ?2, ?3, ?4, 'phone', 'planned', ?5, ?6, ?7)");
  add.bind_int(1, f.episode_id);
  bind_date(add, 2, f.date);
  bind_instant(add, 3, f.window_start);
  bind_instant(add, 4, f.window_end);
  add.bind_text(5, f.reason).bind_int(6, f.duration_min);
  bind_bool(add, 7, f.out_of_hours);
  add.run("creating the follow-up contact of episode " + std::to_string(r.episode));
  f.id = sqlite3_last_insert_rowid(db_.handle());
  s_.visits.push_back(f);
  s_.reindex();

  Json missing = Json::array();
  for (auto m : bundle.missing()) missing.push_back(std::string(m));
  Json after{{"stage", "closed"},
             {"closed_at", stored_instant(r.at)},
             {"closure_reason", r.reason},
             {"closure_destination", r.destination},
             {"bundle_missing", missing},
             {"override_reason", r.override_reason},
             {"visits_removed", std::vector<Id>(gone.begin(), gone.end())},
             {"follow_up_visit", f.id},
             {"follow_up_due", stored_instant(f.window_end)}};
  return audit_.write(c, r.at, r.by, "episode", r.episode, before, after);
}

}  // namespace vb::store::detail
