#pragma once
// The in-memory picture of one database that screens and rules read. Immutable once built:
// the store loads a fresh one after every change; call reindex() after filling the vectors.
#include "core/model.hpp"
#include "core/review_rules.hpp"
#include "core/taper_template.hpp"
#include "core/rota_rules.hpp"

#include <optional>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vb {

struct Snapshot {
  Team team;
  std::vector<ZoneRule> zones;
  std::vector<Staff> staff;
  std::vector<Person> people;
  std::vector<Episode> episodes;
  std::vector<ContactPlan> plans;
  std::vector<Visit> visits;
  std::vector<Shift> shifts;
  std::vector<ReviewSlot> review_slots;
  std::vector<Review> reviews;
  std::vector<DecisionLogEntry> decisions;
  std::vector<SlotPattern> slot_patterns;
  std::vector<ReviewerLeave> leave;
  std::vector<ReviewBooking> bookings;
  std::vector<RiskChange> risk_changes;
  std::vector<Concern> concerns;
  std::vector<RiskThresholds> thresholds;
  std::vector<EscalationAck> escalation_acks;
  std::vector<RiskReassessment> reassessments;  // step-down (issue 3)
  std::vector<PlanChange> plan_changes;          // step-down (issue 3)
  std::vector<TransitionRecord> transition_records;  // step-down (issue 3)
  std::vector<KeyPerson> key_people;                 // step-down (issue 3): families and carers
  std::vector<CarerContact> carer_contacts;          // step-down (issue 3)
  bool is_demo = false;
  // Not stored in the database: the team's review rules from data/review_rules.json.
  ReviewRules review_rules;
  // Not stored either: shift times, minimum staffing and allocation rules from data/rota_rules.json.
  RotaRules rota_rules;
  // Not stored either: the team's taper templates from data/taper_templates.txt (issue 3).
  std::vector<TaperTemplate> taper_templates;
  // Where per-event history starts (core/working_set.hpp): nullopt when every row was loaded; else
  // the kiosk's working set, and screens can say "history from <date>".
  std::optional<Instant> history_from;

  // Lookups (nullptr when absent). Valid until the vectors change; reindex() rebuilds them.
  const Staff* find_staff(std::string_view id) const;
  const Person* find_person(Id id) const;
  const Episode* find_episode(Id id) const;
  const Visit* find_visit(Id id) const;
  const ContactPlan* plan_for_episode(Id episode_id) const;
  const ZoneRule* find_zone_rule(std::string_view name) const;
  // Reviews of one episode, oldest first.
  std::vector<const Review*> reviews_of(Id episode_id) const;
  Zone zone() const;
  // Visits / shifts dated in [from, to] (local dates), by date; on one date in the vectors' order.
  std::vector<const Visit*> visits_dated(LocalDate from, LocalDate to) const;
  std::vector<const Shift*> shifts_dated(LocalDate from, LocalDate to) const;

  void reindex();

  // Rows of one episode (one person, one key person), in the vectors' order; built by reindex()
  // (core/snapshot_by_episode.cpp) so per-episode rules do not scan the whole history.
  std::vector<const Visit*> visits_of(Id episode_id) const;
  std::vector<const RiskChange*> risk_changes_of(Id episode_id) const;
  std::vector<const Concern*> concerns_of(Id episode_id) const;
  std::vector<const EscalationAck*> escalation_acks_of(Id episode_id) const;
  const RiskThresholds* thresholds_of(Id episode_id) const;  // the first row for it, or nullptr
  std::vector<const ReviewBooking*> bookings_of(Id episode_id) const;
  std::vector<const RiskReassessment*> reassessments_of(Id episode_id) const;
  std::vector<const PlanChange*> plan_changes_of(Id episode_id) const;
  std::vector<const TransitionRecord*> transition_records_of(Id episode_id) const;
  std::vector<const KeyPerson*> key_people_of(Id person_id) const;
  std::vector<const CarerContact*> carer_contacts_of(Id key_person_id) const;

 private:
  void reindex_by_episode();
  std::unordered_map<std::string, size_t> staff_index_;
  // (id, position) pairs sorted by id: 16 bytes a row where a hash map took ~40 (issue 7, memory).
  // None when the rows were already in key order at reindex() (as loaded: ORDER BY id): then the first
  // `sorted_rows` rows are binary-searched themselves (s8B: no index at all for most tables).
  struct IdIndex {
    std::vector<std::pair<Id, uint32_t>> pairs;
    uint32_t sorted_rows = 0;
  };
  IdIndex person_index_;
  IdIndex episode_index_;
  IdIndex visit_index_;
  IdIndex plan_by_episode_;
  std::vector<uint32_t> reviews_by_episode_;  // positions in reviews, by episode, then held_at
  Zone zone_ = nullptr;
  std::vector<uint32_t> visits_by_date_;  // indices into visits, stable-sorted by date
  std::vector<uint32_t> shifts_by_date_;  // indices into shifts, stable-sorted by date
  // Indices into each vector, stable-sorted by its episode (person, key person) id.
  std::vector<uint32_t> visits_by_episode_, risk_changes_by_episode_, concerns_by_episode_, acks_by_episode_,
      thresholds_by_episode_, bookings_by_episode_, reassessments_by_episode_, plan_changes_by_episode_,
      transition_records_by_episode_, key_people_by_person_, carer_contacts_by_key_person_;

 public:
  // The rows of one episode (one person, one key person) without building a list (issue 6, compliance at
  // trust scale): f(row) for each, in the order of the *_of list. Falls back to that list when the
  // vectors changed since reindex().
  template <typename F>
  void each_review_of(Id episode_id, F&& f) const {
    if (!each_in_range(reviews, reviews_by_episode_, review_ranges_, episode_id, f))
      for (const Review* r : reviews_of(episode_id)) f(*r);
  }
  template <typename F>
  void each_visit_of(Id episode_id, F&& f) const {
    if (!each_in_range(visits, visits_by_episode_, visit_ranges_, episode_id, f))
      for (const Visit* r : visits_of(episode_id)) f(*r);
  }
  template <typename F>
  void each_reassessment_of(Id episode_id, F&& f) const {
    if (!each_in_range(reassessments, reassessments_by_episode_, reassessment_ranges_, episode_id, f))
      for (const RiskReassessment* r : reassessments_of(episode_id)) f(*r);
  }
  template <typename F>
  void each_plan_change_of(Id episode_id, F&& f) const {
    if (!each_in_range(plan_changes, plan_changes_by_episode_, plan_change_ranges_, episode_id, f))
      for (const PlanChange* r : plan_changes_of(episode_id)) f(*r);
  }
  template <typename F>
  void each_transition_record_of(Id episode_id, F&& f) const {
    if (!each_in_range(transition_records, transition_records_by_episode_, transition_record_ranges_, episode_id, f))
      for (const TransitionRecord* r : transition_records_of(episode_id)) f(*r);
  }
  template <typename F>
  void each_risk_change_of(Id episode_id, F&& f) const {
    if (!each_in_range(risk_changes, risk_changes_by_episode_, risk_change_ranges_, episode_id, f))
      for (const RiskChange* r : risk_changes_of(episode_id)) f(*r);
  }

  // Episodes on the caseload at some point of [from, to): accepted before `to` and not closed before
  // `from`, in the vector's order. From an index by closure (issue 6), so a recent range does not
  // scan every episode of five years; a scan when the vector changed since reindex().
  std::vector<const Episode*> episodes_overlapping(Instant from, Instant to) const;

  // Where each key's rows are in a by-key index: the distinct keys, sorted, and where each one's rows
  // start (one more entry: the index's size). Small and contiguous: a lookup does not touch the rows.
  struct KeyRanges {
    std::vector<Id> keys;
    std::vector<uint32_t> starts;
    // [first, last) positions in the index of `id`'s rows; {0, 0} when none.
    std::pair<uint32_t, uint32_t> of(Id id) const;
    bool built_for(size_t index_size) const { return !starts.empty() && starts.back() == index_size; }
  };

 private:
  template <typename T, typename F>
  static bool each_in_range(const std::vector<T>& vec, const std::vector<uint32_t>& index, const KeyRanges& ranges,
                            Id id, F& f) {
    if (index.size() != vec.size() || !ranges.built_for(index.size())) return false;
    const auto [lo, hi] = ranges.of(id);
    for (uint32_t i = lo; i < hi; ++i)
      if (vec[index[i]].episode_id != id) return false;  // edited in place since reindex()
    for (uint32_t i = lo; i < hi; ++i) f(vec[index[i]]);
    return true;
  }
  void build_key_ranges();
  std::vector<uint32_t> episodes_by_closure_;  // positions in episodes by closed_at (open ones last), stable
  KeyRanges review_ranges_, visit_ranges_, reassessment_ranges_, plan_change_ranges_, transition_record_ranges_,
      risk_change_ranges_;
};

}  // namespace vb
