#pragma once
// A bank holiday in words for the screens (data/bank_holidays.json names the day).
#include "core/bank_holidays.hpp"

#include <string>

namespace vb::ui {

// "Christmas Day (bank holiday)", "Boxing Day (substitute bank holiday)".
inline std::string bank_holiday_words(const BankHoliday& h) {
  const std::string substitute = " (substitute day)";
  if (h.name.size() > substitute.size() && h.name.ends_with(substitute))
    return h.name.substr(0, h.name.size() - substitute.size()) + " (substitute bank holiday)";
  return h.name + " (bank holiday)";
}

}  // namespace vb::ui
