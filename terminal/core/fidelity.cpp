// Fidelity to the home-treatment intensity targets, from the recorded visits.
#include "core/fidelity.hpp"

#include <map>

namespace vb {

namespace {
LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
long days_from(LocalDate a, LocalDate b) { return (date::sys_days{b} - date::sys_days{a}).count(); }
}  // namespace

FidelityCheck check_fidelity(const Snapshot& s, const Episode& e, Instant now) {
  FidelityCheck c;
  const Zone zone = s.zone();
  const LocalDate first = local_date_of(e.accepted_at, zone);
  const Instant end = e.closed_at && *e.closed_at < now ? *e.closed_at : now;
  const LocalDate today = local_date_of(end, zone);
  c.days_on_caseload = static_cast<int>(days_from(first, today)) + 1;
  c.six_week_review = e.is_open() && (now - e.accepted_at) >= date::days{fidelity_review_after_days};

  std::map<long, int> contacts;   // day offset -> done visits
  std::map<long, bool> long_one;  // day offset -> a done visit of 30+ minutes
  for (const Visit* vp : s.visits_of(e.id)) {
    const Visit& v = *vp;
    if (v.status != VisitStatus::done) continue;
    long d = days_from(first, v.date);
    if (d < 0) continue;
    ++contacts[d];
    if (v.duration_min >= fidelity_min_visit_minutes) long_one[d] = true;
    else long_one.emplace(d, false);
  }
  const long ended_days = days_from(first, today);  // days before today have ended
  for (long d = 0; d < fidelity_first_days && d < ended_days; ++d)
    if (contacts[d] < fidelity_first_days_visits) c.first_days_short.push_back(plus_days(first, d));
  for (long d = 0; d < 7; ++d) c.first_week_contacts += contacts.count(d) ? contacts[d] : 0;
  c.first_week_over = ended_days >= 7;
  for (const auto& [d, ok] : long_one)
    if (!ok && d < ended_days) c.short_visit_days.push_back(plus_days(first, d));
  return c;
}

std::vector<std::string> FidelityCheck::flags() const {
  std::vector<std::string> out;
  if (!first_days_short.empty()) {
    std::string days;
    for (size_t i = 0; i < first_days_short.size(); ++i) days += (i ? ", " : "") + format_day_label(first_days_short[i]);
    out.push_back("twice daily not met: " + days);
  }
  if (first_week_over && first_week_contacts < fidelity_first_week_contacts)
    out.push_back("first week: " + std::to_string(first_week_contacts) + " of 7 contacts");
  if (!short_visit_days.empty())
    out.push_back(std::to_string(short_visit_days.size()) + " visit day" + (short_visit_days.size() > 1 ? "s" : "") +
                  " without a 30-min visit");
  if (six_week_review) out.push_back("6 weeks on caseload: review");
  return out;
}

}  // namespace vb
