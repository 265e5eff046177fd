#pragma once
// Intensity checks against published fidelity targets for home treatment, per episode:
// twice-daily visits on each of the first three days; at least seven contacts in the first week;
// at least one visit of 30 minutes or more on each visit day; a review flag at six weeks on the caseload.
// A contact is a visit recorded as done. A day is judged once it has ended (local time).
#include "core/snapshot.hpp"

#include <string>
#include <vector>

namespace vb {

inline constexpr int fidelity_first_days = 3;
inline constexpr int fidelity_first_days_visits = 2;
inline constexpr int fidelity_first_week_contacts = 7;
inline constexpr int fidelity_min_visit_minutes = 30;
inline constexpr int fidelity_review_after_days = 42;

struct FidelityCheck {
  std::vector<LocalDate> first_days_short;  // of the first three days (ended), those with fewer than 2 contacts
  int first_week_contacts = 0;
  bool first_week_over = false;            // the first week has ended
  std::vector<LocalDate> short_visit_days;  // ended visit days with no contact of 30+ minutes
  int days_on_caseload = 0;
  bool six_week_review = false;
  // Words for the board, one a flag: "twice daily missed: Tue 10 Nov", "first week: 5 of 7 contacts", ...
  std::vector<std::string> flags() const;
};

FidelityCheck check_fidelity(const Snapshot& s, const Episode& e, Instant now);

}  // namespace vb
