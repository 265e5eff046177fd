// Outcome figures from episodes and the decision log. Windows after closure count elapsed time from
// the closure instant; a closure whose window has not elapsed by now is pending, not counted.
#include "core/outcomes.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace vb {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool mentions_admission(const DecisionLogEntry& d) {
  const std::string text = lower(d.decision + " " + d.options_considered);
  return text.find("admission") != std::string::npos || text.find("admit") != std::string::npos ||
         text.find("inpatient") != std::string::npos;
}
bool decides_to_admit(const DecisionLogEntry& d) { return lower(d.decision).rfind("admit", 0) == 0; }
bool to_ward(const Episode& e) { return e.closure_destination == "inpatient"; }

}  // namespace

double quantile(const std::vector<int>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<size_t>(h);
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Outcomes compute_outcomes(const Snapshot& s, LocalDate from, LocalDate to, Instant now) {
  const Zone zone = s.zone();
  const Instant start = start_of_local_day(from, zone);
  const Instant end = start_of_local_day(LocalDate{date::sys_days{to} + date::days{1}}, zone);
  const Instant as_at = std::min(now, end);
  Outcomes o;
  o.from = from;
  o.to = to;

  // Each person's episodes in acceptance order, for re-presentation.
  // Only people with a closure in the period are looked at: a first pass finds them.
  auto closed_in_period = [&](const Episode& e) {
    return e.closed_at && *e.closed_at >= start && *e.closed_at < end && *e.closed_at <= now;
  };
  std::unordered_map<Id, std::vector<const Episode*>> by_person;
  for (const auto& e : s.episodes)
    if (closed_in_period(e)) by_person.try_emplace(e.person_id);
  for (const auto& e : s.episodes)
    if (auto it = by_person.find(e.person_id); it != by_person.end()) it->second.push_back(&e);
  for (auto& [person, list] : by_person)
    std::sort(list.begin(), list.end(), [](const Episode* a, const Episode* b) { return a->accepted_at < b->accepted_at; });

  std::map<std::string, std::vector<Id>> destinations;
  std::vector<std::pair<int, Id>> lengths;
  for (const auto& e : s.episodes) {
    if (e.accepted_at >= start && e.accepted_at < end && e.accepted_at <= now) o.opened.push_back(e.id);
    if (!closed_in_period(e)) continue;
    const Instant closed = *e.closed_at;
    o.closed.push_back(e.id);
    if (to_ward(e)) o.admitted.push_back(e.id);
    destinations[e.closure_destination].push_back(e.id);
    const auto days = (date::sys_days{local_date_of(closed, zone)} - date::sys_days{local_date_of(e.accepted_at, zone)}).count();
    lengths.emplace_back(static_cast<int>(days), e.id);

    // The next episode of the same person accepted after this closure.
    const Episode* next = nullptr;
    for (const Episode* other : by_person[e.person_id])
      if (other->id != e.id && other->accepted_at > closed && other->accepted_at <= now) {
        next = other;
        break;
      }
    auto window = [&](OutcomeRatio& r, int window_days, bool hit) {
      if (closed + date::days{window_days} > now) {
        ++r.pending;
        return;
      }
      r.counted.push_back(e.id);
      if (hit) r.hits.push_back(e.id);
    };
    const auto gap = next ? next->accepted_at - closed : std::chrono::seconds::max();
    window(o.re_presentation_30d, 30, next && gap <= date::days{30});
    window(o.re_presentation_90d, 90, next && gap <= date::days{90});
    if (!to_ward(e)) {
      // Admitted within 90 days after: a later episode of the person ended on a ward within 90 days of this closure.
      bool admitted_after = false;
      for (const Episode* other : by_person[e.person_id])
        if (other->accepted_at > closed && other->closed_at && to_ward(*other) && *other->closed_at <= closed + date::days{90})
          admitted_after = true;
      window(o.admitted_within_90d_after, 90, admitted_after);
    }
  }

  std::sort(lengths.begin(), lengths.end());
  for (const auto& [days, id] : lengths) {
    o.length.days.push_back(days);
    o.length.episodes.push_back(id);
    if (days < 42) ++o.length.under_six_weeks;
  }
  o.length.median = quantile(o.length.days, 0.5);
  o.length.q1 = quantile(o.length.days, 0.25);
  o.length.q3 = quantile(o.length.days, 0.75);

  // Decision log: the latest entry of each correction chain, dated in the period.
  std::unordered_set<Id> corrected;
  for (const auto& d : s.decisions)
    if (d.corrects) corrected.insert(*d.corrects);
  std::map<Id, const DecisionLogEntry*> latest;  // by episode
  for (const auto& d : s.decisions) {
    if (corrected.count(d.id) || d.at < start || d.at >= end || d.at > now || !mentions_admission(d)) continue;
    auto& slot = latest[d.episode_id];
    if (!slot || slot->at <= d.at) slot = &d;
  }
  for (const auto& [episode, d] : latest) {
    o.admission_considered.push_back(episode);
    const Episode* e = s.find_episode(episode);
    const bool admitted = decides_to_admit(*d) || (e && e->closed_at && *e->closed_at <= as_at && to_ward(*e));
    if (!admitted) o.admission_avoided.push_back(episode);
  }

  for (auto& [name, ids] : destinations) o.destinations.push_back({name, ids});
  std::stable_sort(o.destinations.begin(), o.destinations.end(),
                   [](const Destination& a, const Destination& b) { return a.episodes.size() > b.episodes.size(); });
  return o;
}

std::vector<OutcomeRow> outcome_rows(const Outcomes& o) {
  std::vector<OutcomeRow> rows;
  auto count = [&](std::string id, std::string label, std::string definition, const std::vector<Id>& ids) {
    OutcomeRow r;
    r.id = std::move(id);
    r.label = std::move(label);
    r.definition = std::move(definition);
    r.numerator = static_cast<double>(ids.size());
    r.value = r.numerator;
    r.unit = "episodes";
    r.episodes = ids;
    rows.push_back(std::move(r));
  };
  auto ratio = [&](std::string id, std::string label, std::string definition, const std::vector<Id>& hits, size_t of) {
    OutcomeRow r;
    r.id = std::move(id);
    r.label = std::move(label);
    r.definition = std::move(definition);
    r.numerator = static_cast<double>(hits.size());
    r.denominator = static_cast<double>(of);
    r.value = of ? r.numerator / r.denominator : 0;
    r.share = true;
    r.unit = "share";
    r.episodes = hits;
    rows.push_back(std::move(r));
  };
  auto days = [&](std::string id, std::string label, std::string definition, double value) {
    OutcomeRow r;
    r.id = std::move(id);
    r.label = std::move(label);
    r.definition = std::move(definition);
    r.numerator = value;
    r.value = value;
    r.denominator = static_cast<double>(o.length.days.size());
    r.unit = "days";
    r.episodes = o.length.episodes;
    rows.push_back(std::move(r));
  };
  count("episodes-opened", "Episodes opened", "Episodes accepted onto the caseload on a day in the period.", o.opened);
  count("episodes-closed", "Episodes closed", "Episodes closed on a day in the period.", o.closed);
  count("admissions-considered", "Admissions considered",
        "Episodes with a decision-log entry in the period that considered admission (its decision or options name "
        "admission, admit or inpatient); a corrected entry counts once, as corrected.",
        o.admission_considered);
  ratio("admissions-avoided", "Admissions avoided",
        "Of the episodes where admission was considered, those whose latest decision in the period was not to admit and "
        "who had not been admitted to a ward by the end of the period.",
        o.admission_avoided, o.admission_considered.size());
  ratio("admitted", "Closed by admission to a ward",
        "Episodes closed in the period with an inpatient ward as destination, of all closures in the period (unplanned "
        "admissions during an episode).",
        o.admitted, o.closed.size());
  days("episode-length-median", "Episode length, median (days)",
       "Local calendar days from acceptance to closure of episodes closed in the period: the median.", o.length.median);
  days("episode-length-q1", "Episode length, lower quartile (days)", "As above: the 25th percentile (linear interpolation).",
       o.length.q1);
  days("episode-length-q3", "Episode length, upper quartile (days)", "As above: the 75th percentile (linear interpolation).",
       o.length.q3);
  {
    std::vector<Id> under;
    for (size_t i = 0; i < o.length.days.size(); ++i)
      if (o.length.days[i] < 42) under.push_back(o.length.episodes[i]);
    ratio("episodes-under-six-weeks", "Episodes under six weeks",
          "Episodes closed in the period that lasted fewer than 42 days, of all closed in the period.", under,
          o.length.days.size());
  }
  ratio("re-presentation-30d", "Re-presentation within 30 days",
        "Of the episodes closed in the period at least 30 days before now, the share whose person was accepted again "
        "within 30 days (elapsed) of the closure.",
        o.re_presentation_30d.hits, o.re_presentation_30d.counted.size());
  ratio("re-presentation-90d", "Re-presentation within 90 days",
        "As above with 90 days; closures less than 90 days ago are pending and not counted.", o.re_presentation_90d.hits,
        o.re_presentation_90d.counted.size());
  ratio("unplanned-admission-90d-after", "Admitted within 90 days after",
        "Of the episodes closed in the period at least 90 days ago and not to a ward, those whose person was admitted to a "
        "ward (a later crisis episode closed to inpatient) within 90 days of the closure. Admissions the team did not "
        "see are not in its data.",
        o.admitted_within_90d_after.hits, o.admitted_within_90d_after.counted.size());
  for (const auto& d : o.destinations)
    ratio("closure-destination-" + (d.name.empty() ? std::string("not-recorded") : d.name),
          "Closed to " + (d.name.empty() ? std::string("(not recorded)") : d.name),
          "Episodes closed in the period with this destination, of all closures in the period.", d.episodes,
          o.closed.size());
  return rows;
}

}  // namespace vb

namespace vb {

OutcomesBoard build_outcomes_board(const Snapshot& s, Instant now, int period_days, int weeks) {
  OutcomesBoard b;
  b.today = local_date_of(now, s.zone());
  auto day = [&](long n) { return LocalDate{date::sys_days{b.today} + date::days{n}}; };
  b.period = compute_outcomes(s, day(-(period_days - 1)), b.today, now);
  for (int w = weeks - 1; w >= 0; --w) b.weeks.push_back(compute_outcomes(s, day(-7L * w - 6), day(-7L * w), now));
  return b;
}

}  // namespace vb
