// One Snapshot holding many demo teams: ids offset per team, staff renamed, references kept.
#include "trust_scale.hpp"

#include <string>
#include <unordered_set>
#include <utility>

namespace vb::bench {

namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Rewrites one team's snapshot in place so it can sit beside the others.
void renumber(Snapshot& t, int team_number, Id team_id) {
  const Id off = static_cast<Id>(team_number - 1) * trust_id_stride;
  const std::string prefix = std::string(team_number < 10 ? "T0" : "T") + std::to_string(team_number) + "-";
  auto staff = [&](StaffId& id) {
    if (!id.empty()) id = prefix + id;
  };
  auto num = [&](Id& id) { id += off; };
  auto opt = [&](auto& id) {  // std::optional<Id> or PackedOptional<Id>
    if (id) *id += off;
  };
  for (auto& m : t.staff) {
    staff(m.id);
    m.team_id = team_id;
  }
  for (auto& p : t.people) {
    num(p.id);
    p.team_id = team_id;
    p.local_id = prefix + p.local_id;
  }
  for (auto& e : t.episodes) {
    num(e.id);
    num(e.person_id);
    e.team_id = team_id;
    staff(e.named_worker);
  }
  for (auto& p : t.plans) {
    num(p.id);
    num(p.episode_id);
    for (auto& ph : p.phases) {
      num(ph.id);
      num(ph.plan_id);
    }
  }
  for (auto& v : t.visits) {
    num(v.id);
    num(v.episode_id);
    staff(v.staff1);
    staff(v.staff2);
    opt(v.follow_up_of);
  }
  for (auto& sh : t.shifts) {
    num(sh.id);
    staff(sh.staff_id);
    sh.team_id = team_id;
  }
  for (auto& r : t.review_slots) {
    num(r.id);
    staff(r.reviewer);
  }
  for (auto& r : t.reviews) {
    num(r.id);
    num(r.episode_id);
    opt(r.slot_id);
    staff(r.reviewer);
  }
  for (auto& d : t.decisions) {
    num(d.id);
    num(d.episode_id);
    staff(d.decided_by);
    opt(d.corrects);
  }
  for (auto& p : t.slot_patterns) {
    num(p.id);
    staff(p.reviewer);
  }
  for (auto& l : t.leave) {
    num(l.id);
    staff(l.reviewer);
  }
  for (auto& b : t.bookings) {
    num(b.id);
    num(b.episode_id);
    staff(b.reviewer);
    staff(b.booked_by);
  }
  for (auto& r : t.risk_changes) {
    num(r.id);
    num(r.episode_id);
    staff(r.by);
  }
  for (auto& c : t.concerns) {
    num(c.id);
    num(c.episode_id);
    staff(c.recorded_by);
  }
  for (auto& r : t.thresholds) num(r.episode_id);
  for (auto& a : t.escalation_acks) {
    num(a.id);
    num(a.episode_id);
    staff(a.by);
  }
  for (auto& r : t.reassessments) {
    num(r.id);
    num(r.episode_id);
    staff(r.by);
  }
  for (auto& c : t.plan_changes) {
    num(c.id);
    num(c.episode_id);
    staff(c.by);
  }
  for (auto& r : t.transition_records) {
    num(r.id);
    num(r.episode_id);
    staff(r.by);
  }
  for (auto& k : t.key_people) {
    num(k.id);
    num(k.person_id);
    for (auto& v : k.versions) {  // versioned details (session 9)
      num(v.id);
      if (!v.recorded_by.empty()) staff(v.recorded_by);
    }
  }
  for (auto& c : t.carer_contacts) {
    num(c.id);
    num(c.key_person_id);
    num(c.episode_id);
    staff(c.by);
  }
}

template <class T, class F>
void unique_ids(const std::vector<T>& rows, const char* what, F id_of, std::string& problem) {
  std::unordered_set<std::string> seen;
  for (const auto& r : rows)
    if (!seen.insert(id_of(r)).second && problem.empty()) problem = std::string("repeated ") + what + " id " + id_of(r);
}

}  // namespace

TrustBuild build_trust_snapshot(const DemoOptions& options, int teams) {
  TrustBuild out;
  Snapshot& s = out.snapshot;
  std::unordered_set<std::string> nhs;
  for (int k = 1; k <= teams; ++k) {
    DemoOptions o = options;
    o.seed = options.seed + static_cast<std::uint64_t>(k - 1);
    Snapshot t = generate_demo_team(o);
    if (k == 1) {
      s.team = t.team;
      s.team.name = "Demo trust (" + std::to_string(teams) + " teams)";
      s.zones = t.zones;
      s.review_rules = t.review_rules;
      s.rota_rules = t.rota_rules;
      s.is_demo = t.is_demo;
    }
    renumber(t, k, s.team.id);
    for (auto& p : t.people)
      if (!p.nhs_number.empty() && !nhs.insert(p.nhs_number).second) {
        p.nhs_number.clear();
        ++out.nhs_numbers_cleared;
      }
    append(s.staff, t.staff);
    append(s.people, t.people);
    append(s.episodes, t.episodes);
    append(s.plans, t.plans);
    append(s.visits, t.visits);
    append(s.shifts, t.shifts);
    append(s.review_slots, t.review_slots);
    append(s.reviews, t.reviews);
    append(s.decisions, t.decisions);
    append(s.slot_patterns, t.slot_patterns);
    append(s.leave, t.leave);
    append(s.bookings, t.bookings);
    append(s.risk_changes, t.risk_changes);
    append(s.concerns, t.concerns);
    append(s.thresholds, t.thresholds);
    append(s.escalation_acks, t.escalation_acks);
    append(s.reassessments, t.reassessments);
    append(s.plan_changes, t.plan_changes);
    append(s.transition_records, t.transition_records);
    append(s.key_people, t.key_people);
    append(s.carer_contacts, t.carer_contacts);
  }
  s.reindex();
  return out;
}

std::string trust_problem(const Snapshot& s) {
  std::string p;
  auto n = [](Id id) { return std::to_string(id); };
  unique_ids(s.staff, "staff", [](const Staff& m) { return m.id; }, p);
  unique_ids(s.people, "person", [&](const Person& x) { return n(x.id); }, p);
  unique_ids(s.people, "local", [](const Person& x) { return x.local_id; }, p);
  unique_ids(s.episodes, "episode", [&](const Episode& x) { return n(x.id); }, p);
  unique_ids(s.plans, "plan", [&](const ContactPlan& x) { return n(x.id); }, p);
  unique_ids(s.visits, "visit", [&](const Visit& x) { return n(x.id); }, p);
  unique_ids(s.shifts, "shift", [&](const Shift& x) { return n(x.id); }, p);
  unique_ids(s.reviews, "review", [&](const Review& x) { return n(x.id); }, p);
  unique_ids(s.bookings, "booking", [&](const ReviewBooking& x) { return n(x.id); }, p);
  unique_ids(s.decisions, "decision", [&](const DecisionLogEntry& x) { return n(x.id); }, p);
  if (!p.empty()) return p;
  for (const auto& e : s.episodes)
    if (!s.find_person(e.person_id) || (!e.named_worker.empty() && !s.find_staff(e.named_worker)))
      return "episode " + n(e.id) + " refers to a missing person or staff";
  for (const auto& v : s.visits) {
    if (!s.find_episode(v.episode_id)) return "visit " + n(v.id) + " refers to a missing episode";
    for (const auto* w : {&v.staff1, &v.staff2})
      if (!w->empty() && !s.find_staff(*w)) return "visit " + n(v.id) + " refers to missing staff " + *w;
  }
  for (const auto& sh : s.shifts)
    if (!s.find_staff(sh.staff_id)) return "shift " + n(sh.id) + " refers to missing staff " + sh.staff_id;
  for (const auto& r : s.reviews)
    if (!s.find_episode(r.episode_id)) return "review " + n(r.id) + " refers to a missing episode";
  return {};
}

}  // namespace vb::bench
