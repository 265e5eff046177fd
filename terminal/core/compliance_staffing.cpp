// Night staffing: each night on the rota has at least the minimum of trained staff (two by
// default). Nights on which no shift at all was rostered (no rota recorded) are not counted.
#include "core/compliance_detail.hpp"

#include <algorithm>
#include <vector>

namespace vb::detail {

std::vector<MeasureItem> nights_staffed(const MeasureInput& in, const MeasureRule& rule) {
  const int minimum = static_cast<int>(rule.param("min_trained", 2));
  struct Night {
    bool rota = false;
    int trained = 0;
    Id shift = 0;
    std::string who;
  };
  // By day from the period's first (a day with no shift at all has no rota: not counted).
  const LocalDate last = std::min(in.to, local_date_of(in.as_at, in.zone));
  const long days = (date::sys_days{last} - date::sys_days{in.from}).count() + 1;
  std::vector<Night> nights(static_cast<size_t>(std::max(days, 0L)));
  // Shifts come date by date: whether a date is in the period, and its night, worked out when the date changes.
  const Shift* previous = nullptr;
  Night* night = nullptr;  // the night of the previous shift's date, null when out of the period
  for (const Shift* sh : in.data->shifts) {
    if (!previous || sh->date != previous->date) {
      night = sh->date < in.from || sh->date > last
                  ? nullptr
                  : &nights[static_cast<size_t>((date::sys_days{sh->date} - date::sys_days{in.from}).count())];
    }
    previous = sh;
    if (!night) continue;
    Night& n = *night;
    n.rota = true;
    if (sh->kind != ShiftKind::night) continue;
    if (!n.shift) n.shift = sh->id;
    const Staff* st = in.s.find_staff(sh->staff_id);
    if (st && st->has_skill("trained")) {
      ++n.trained;
      if (in.detail_on(sh->date)) n.who += " " + sh->staff_id;
    }
  }
  std::vector<MeasureItem> out;
  for (size_t k = 0; k < nights.size(); ++k) {
    const Night& n = nights[k];
    if (!n.rota) continue;
    const LocalDate day = plus_days(in.from, static_cast<long>(k));
    MeasureItem item;
    item.day = day;
    item.shift = n.shift;
    item.met = n.trained >= minimum;
    if (in.detail_on(day))
      in.describe(item, std::to_string(n.trained) + " trained on the night of " + format_day_label(day) + n.who);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace vb::detail
