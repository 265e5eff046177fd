// Table by table into the snapshot; every stored value is checked as it is read.
#include "store/snapshot_loader.hpp"

#include "store/access_rows.hpp"
#include "store/senior_review_rows.hpp"
#include "store/allocation_rows.hpp"
#include "store/step_down_rows.hpp"
#include "store/key_person_version_rows.hpp"
#include "store/load_scope.hpp"
#include "store/visit_allocation_rows.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>
#include <unordered_map>

namespace vb::store {

namespace {

using Row = StoredRow;

void load_team(Database& db, Snapshot& s) {
  Row r(db, "team", "SELECT id, name, time_zone FROM team ORDER BY id LIMIT 1");
  if (!r.next()) return;
  s.team = Team{r.integer(0), r.text(1), r.text(2)};
  try {
    find_zone(s.team.time_zone);
  } catch (const std::exception& e) {
    r.fail(2, e.what());
  }
}

void load_zones(Database& db, Snapshot& s) {
  Row r(db, "zone", "SELECT name, rank, meaning FROM zone ORDER BY rank, name");
  while (r.next()) s.zones.push_back(ZoneRule{r.text(0), r.small_int(1), r.text(2)});
}

void load_staff(Database& db, Snapshot& s) {
  Row r(db, "staff", "SELECT id, team_id, name, initials, discipline, part_time, active FROM staff ORDER BY id");
  std::unordered_map<std::string, size_t> index;
  while (r.next()) {
    Staff st;
    st.id = r.text(0);
    st.team_id = r.integer(1);
    st.name = r.text(2);
    st.initials = r.text(3);
    st.discipline = r.text(4);
    st.part_time = r.boolean(5);
    st.active = r.boolean(6);
    index[st.id] = s.staff.size();
    s.staff.push_back(std::move(st));
  }
  Row k(db, "staff_skill", "SELECT staff_id, skill FROM staff_skill ORDER BY staff_id, seq");
  while (k.next()) s.staff[index.at(k.text(0))].skills.push_back(k.text(1));
}

// People, episodes and plans are read by the working set's condition, or by id (complete_episodes).
void read_people(Database& db, std::vector<Person>& people, const std::string& where) {
  Row r(db, "person",
        "SELECT id, team_id, local_id, nhs_number, given_name, family_name, date_of_birth, home_x_km, home_y_km "
        "FROM person" + where + " ORDER BY id");
  while (r.next()) {
    Person p;
    p.id = r.integer(0);
    p.team_id = r.integer(1);
    p.local_id = r.text(2);
    p.nhs_number = r.text(3);  // NULL (not yet known) reads as ""
    p.given_name = r.text(4);
    p.family_name = r.text(5);
    p.date_of_birth = r.date(6);
    p.home_x_km = r.real(7);
    p.home_y_km = r.real(8);
    people.push_back(std::move(p));
  }
}

void load_people(Database& db, Snapshot& s) { read_people(db, s.people, where_person_in_scope(s)); }

void read_episodes(Database& db, std::vector<Episode>& episodes, const std::string& where) {
  Row r(db, "episode",
        "SELECT id, person_id, team_id, referral_at, accepted_at, referral_priority, stage, zone, risk_level, "
        "named_worker, suicide_risk_identified, closed_at, closure_reason, closure_destination "
        "FROM episode" + where + " ORDER BY id");
  while (r.next()) {
    Episode e;
    e.id = r.integer(0);
    e.person_id = r.integer(1);
    e.team_id = r.integer(2);
    e.referral_at = r.instant(3);
    e.accepted_at = r.instant(4);
    e.referral_priority = r.small_int(5);
    e.stage = r.word(6, parse_stage, "stage");
    e.zone = r.text(7);
    e.risk = r.word(8, parse_risk_level, "risk level");
    e.named_worker = r.staff_ref(9);
    e.suicide_risk_identified = r.boolean(10);
    e.closed_at = r.optional_instant(11);
    e.closure_reason = r.text(12);
    e.closure_destination = r.text(13);
    episodes.push_back(std::move(e));
  }
}

void load_episodes(Database& db, Snapshot& s) { read_episodes(db, s.episodes, where_episode_in_scope(s)); }

void read_plans(Database& db, std::vector<ContactPlan>& plans, const std::string& where_plan,
                const std::string& where_phase) {
  Row r(db, "contact_plan", "SELECT id, episode_id, name, start_date FROM contact_plan" + where_plan + " ORDER BY id");
  while (r.next()) {
    ContactPlan p;
    p.id = r.integer(0);
    p.episode_id = r.integer(1);
    p.name = r.text(2);
    p.start_date = r.date(3);
    plans.push_back(std::move(p));
  }
  Row f(db, "contact_phase",
        "SELECT id, plan_id, sequence, label, visits_per_day, every_n_days, length_days, focus, "
        "per_week, weekdays, windows, min_visit_min "
        "FROM contact_phase" + where_phase + " ORDER BY plan_id, sequence");
  // Plans were read in id order and phases come in plan order: each phase's plan is the last one
  // found or a later one (a binary search, no hash map of every plan).
  ContactPlan* plan = nullptr;
  while (f.next()) {
    ContactPhase ph;
    ph.id = f.integer(0);
    ph.plan_id = f.integer(1);
    ph.sequence = f.small_int(2);
    ph.label = f.text(3);
    ph.visits_per_day = f.small_int(4);
    ph.every_n_days = f.small_int(5);
    ph.length_days = f.small_int(6);
    ph.focus = f.text(7);
    read_step_down_phase(f, 8, ph);  // once, with the rest of the row (was a second pass)
    if (!plan || plan->id != ph.plan_id) plan = find_by_id(plans, ph.plan_id);
    if (!plan) f.fail(1, "contact plan " + f.text(1) + " does not exist");
    plan->phases.push_back(std::move(ph));
  }
}

void load_plans(Database& db, Snapshot& s) { read_plans(db, s.plans, where_plan_in_scope(s), where_phase_in_scope(s)); }

void load_visits(Database& db, Snapshot& s) {
  Row r(db, "visit",
        "SELECT id, episode_id, local_date, window_start, window_end, type, status, staff1, staff2, out_of_hours, "
        "double_up, outcome_at, reason, duration_min, follow_up_of, plan_slot, hand_edited, allocated_at, allocated_by FROM visit" +
            scoped_rows(s, "visit", "local_date", TimeColumn::local_date));
  while (r.next()) {
    Visit v;
    v.id = r.integer(0);
    v.episode_id = r.integer(1);
    v.date = r.date(2);
    v.window_start = r.instant(3);
    v.window_end = r.instant(4);
    v.type = r.word(5, parse_visit_type, "visit type");
    v.status = r.word(6, parse_visit_status, "visit status");
    v.staff1 = r.staff_ref(7);
    v.staff2 = r.staff_ref(8);
    v.out_of_hours = r.boolean(9);
    v.double_up = r.boolean(10);
    v.outcome_at = r.optional_instant(11);
    v.reason = r.text(12);
    v.duration_min = r.small_int(13);
    v.follow_up_of = r.optional_id(14);
    read_step_down_visit(r, 15, v);   // in the same pass (were two more reads of the visit table)
    read_visit_allocation(r, 17, v);
    s.visits.push_back(std::move(v));
  }
  sort_by_id(s.visits);
}

void load_shifts(Database& db, Snapshot& s) {
  Row r(db, "shift",
        "SELECT id, staff_id, team_id, kind, local_date, starts_at, ends_at FROM shift" +
            scoped_rows(s, "shift", "local_date", TimeColumn::local_date, false));
  while (r.next()) {
    Shift sh;
    sh.id = r.integer(0);
    sh.staff_id = r.text(1);
    const Id team = r.integer(2);
    if (team < 0 || team > max_packed_team_id) r.fail(2, std::to_string(team) + " is not a team id a shift row can hold (0-" + std::to_string(max_packed_team_id) + ")");
    sh.team_id = team;
    sh.kind = r.word(3, parse_shift_kind, "shift kind");
    sh.date = r.date(4);
    sh.start = r.instant(5);
    sh.end = r.instant(6);
    s.shifts.push_back(std::move(sh));
  }
  sort_by_id(s.shifts);
}

void load_reviews(Database& db, Snapshot& s) {
  Row slot(db, "review_slot",
           "SELECT id, reviewer, starts_at, length_min, capacity FROM review_slot" +
               where_in_scope(s, "review_slot", "starts_at", TimeColumn::instant, false) + " ORDER BY id");
  while (slot.next()) {
    s.review_slots.push_back(
        ReviewSlot{slot.integer(0), slot.text(1), slot.instant(2), slot.small_int(3), slot.small_int(4)});
  }
  Row r(db, "review",
        "SELECT id, episode_id, slot_id, reviewer, held_at, risk_level, decision, rationale, person_told, "
        "family_told, next_review_due FROM review" + scoped_rows(s, "review", "held_at"));
  while (r.next()) {
    Review rv;
    rv.id = r.integer(0);
    rv.episode_id = r.integer(1);
    rv.slot_id = r.optional_id(2);
    rv.reviewer = r.text(3);
    rv.held_at = r.instant(4);
    rv.risk = r.word(5, parse_risk_level, "risk level");
    rv.decision = r.text(6);
    rv.rationale = r.text(7);
    rv.person_told = r.boolean(8);
    rv.family_told = r.boolean(9);
    rv.next_review_due = r.optional_instant(10);
    s.reviews.push_back(std::move(rv));
  }
  sort_by_id(s.reviews);
}

void load_decisions(Database& db, Snapshot& s) {
  Row r(db, "decision_log",
        "SELECT id, episode_id, at, decided_by, decision, options_considered, rationale, informed, corrects "
        "FROM decision_log ORDER BY id");
  while (r.next()) {
    DecisionLogEntry d;
    d.id = r.integer(0);
    d.episode_id = r.integer(1);
    d.at = r.instant(2);
    d.decided_by = r.text(3);
    d.decision = r.text(4);
    d.options_considered = r.text(5);
    d.rationale = r.text(6);
    d.informed = r.text(7);
    d.corrects = r.optional_id(8);
    s.decisions.push_back(std::move(d));
  }
}

// A working set holds the episode of every row it loaded, and the plan of every visit's episode.
// Episodes and plans are chosen by closure (store/load_scope.hpp), so a row dated after the horizon
// in an episode closed before it (a follow-up call after closure, a late entry) would lose them:
// those episodes, their people and their plans are then read by id.
struct Unloaded {
  std::vector<Id> episodes;  // named by a row, not loaded
  std::vector<Id> plans_of;  // episodes whose visits need their plan, which the scope did not read
};

// Reads the snapshot's episode index: call after reindex().
Unloaded unloaded_episodes(const Snapshot& s) {
  Unloaded out;
  auto scan = [&](const auto& rows, bool needs_plan) {
    Id checked = 0;  // rows come in runs of one episode: look each run up once
    for (const auto& r : rows) {
      if (r.episode_id == checked) continue;
      checked = r.episode_id;
      const Episode* e = s.find_episode(r.episode_id);
      if (!e) out.episodes.push_back(r.episode_id);
      // where_plan_in_scope: plans of episodes open at the horizon; an unloaded episode closed before it
      if (needs_plan && (!e || (e->closed_at && *e->closed_at < *s.history_from))) out.plans_of.push_back(r.episode_id);
    }
  };
  scan(s.visits, true);
  scan(s.reviews, false);
  scan(s.bookings, false);
  scan(s.risk_changes, false);
  scan(s.concerns, false);
  scan(s.escalation_acks, false);
  scan(s.reassessments, false);
  scan(s.plan_changes, false);
  scan(s.transition_records, false);
  scan(s.carer_contacts, false);
  scan(s.decisions, false);
  for (auto* ids : {&out.episodes, &out.plans_of}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  return out;
}

// " WHERE <column> IN (1,2,3)": ids are integers we read, never text from outside.
std::string where_id_in(std::string_view column, const std::vector<Id>& ids) {
  std::string sql = " WHERE " + std::string(column) + " IN (";
  for (size_t i = 0; i < ids.size(); ++i) sql += (i ? "," : "") + std::to_string(ids[i]);
  return sql + ")";
}

// Rows read by id added to a table read in id order; one that is there already is kept once.
template <class Row>
void merge_by_id(std::vector<Row>& rows, std::vector<Row>&& more) {
  if (more.empty()) return;
  for (auto& r : more) rows.push_back(std::move(r));
  sort_by_id(rows);
  rows.erase(std::unique(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id == b.id; }), rows.end());
}

// After reindex(), inside the read transaction; reindexes again when it read more.
void complete_episodes(Database& db, Snapshot& s) {
  if (!s.history_from) return;
  const Unloaded missing = unloaded_episodes(s);
  if (missing.episodes.empty() && missing.plans_of.empty()) return;
  std::vector<Episode> episodes;
  if (!missing.episodes.empty()) read_episodes(db, episodes, where_id_in("id", missing.episodes));
  std::vector<Id> person_ids;
  for (const auto& e : episodes)
    if (!s.find_person(e.person_id)) person_ids.push_back(e.person_id);
  std::sort(person_ids.begin(), person_ids.end());
  person_ids.erase(std::unique(person_ids.begin(), person_ids.end()), person_ids.end());
  std::vector<Person> people;
  if (!person_ids.empty()) read_people(db, people, where_id_in("id", person_ids));
  std::vector<ContactPlan> plans;
  if (!missing.plans_of.empty()) {
    const std::string of_episodes = where_id_in("episode_id", missing.plans_of);
    read_plans(db, plans, of_episodes, " WHERE plan_id IN (SELECT id FROM contact_plan" + of_episodes + ")");
  }
  merge_by_id(s.episodes, std::move(episodes));
  merge_by_id(s.people, std::move(people));
  merge_by_id(s.plans, std::move(plans));
  s.reindex();
}

}  // namespace

vb::Snapshot load_snapshot(Database& db) { return load_snapshot(db, LoadScope{}); }

Zone stored_team_zone(Database& db) {
  Row r(db, "team", "SELECT time_zone FROM team ORDER BY id LIMIT 1");
  const std::string name = r.next() ? r.text(0) : std::string(Team{}.time_zone);
  try {
    return find_zone(name);
  } catch (const std::exception& e) {
    r.fail(0, e.what());
  }
}

vb::Snapshot load_snapshot(Database& db, const LoadScope& scope) {
  // Our own read transaction keeps every table from the same moment; inside a caller's
  // transaction (apply_commands) that one already does.
  bool own = !db.in_transaction();
  if (own) db.exec("BEGIN", "starting to read");
  try {
    Snapshot s;
    s.history_from = scope.history_from;  // the row loaders read it (store/load_scope.hpp)
    load_team(db, s);
    load_zones(db, s);
    load_staff(db, s);
    load_access(db, s);
    load_people(db, s);
    load_episodes(db, s);
    load_plans(db, s);
    load_visits(db, s);
    load_shifts(db, s);
    load_reviews(db, s);
    load_decisions(db, s);
    load_senior_review(db, s);
    load_allocation(db, s);
    load_step_down(db, s);
    load_key_person_versions(db, s);  // session 9: after key_person
    s.is_demo = db.is_demo();
    s.reindex();
    complete_episodes(db, s);
    auto version = db.data_version();  // within the read transaction: the version we just read
    if (own) db.exec("COMMIT", "finishing the read");
    db.set_loaded_data_version(version);
    return s;
  } catch (...) {
    if (own && db.in_transaction()) sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace vb::store
