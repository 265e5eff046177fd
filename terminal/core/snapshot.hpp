#pragma once
// The in-memory picture of one database that screens and rules read. Immutable once built:
// the store loads a fresh one after every change; call reindex() after filling the vectors.
#include "core/model.hpp"
#include "core/review_rules.hpp"
#include "core/taper_template.hpp"
#include "core/rota_rules.hpp"

#include <string>
#include <unordered_map>
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
  // Step-down records of one episode / one key person, in the vectors' order (compliance, issue 6).
  // Indexed by reindex(); a vector that has grown since is scanned instead.
  std::vector<const RiskReassessment*> reassessments_of(Id episode_id) const;
  std::vector<const PlanChange*> plan_changes_of(Id episode_id) const;
  std::vector<const CarerContact*> carer_contacts_of(Id key_person_id) const;

  void reindex();

 private:
  std::unordered_map<std::string, size_t> staff_index_;
  std::unordered_map<Id, size_t> person_index_;
  std::unordered_map<Id, size_t> episode_index_;
  std::unordered_map<Id, size_t> visit_index_;
  std::unordered_map<Id, size_t> plan_by_episode_;
  std::unordered_map<Id, std::vector<size_t>> reviews_by_episode_;
  Zone zone_ = nullptr;
  std::vector<size_t> visits_by_date_;  // indices into visits, stable-sorted by date
  std::vector<size_t> shifts_by_date_;  // indices into shifts, stable-sorted by date
  struct RowsBy {
    std::unordered_map<Id, std::vector<size_t>> rows;
    size_t indexed = 0;  // the vector's size when indexed
  };
  RowsBy reassessments_by_episode_, plan_changes_by_episode_, carer_contacts_by_key_person_;
};

}  // namespace vb
