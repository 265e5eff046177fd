// Fuzzes the readers of the team-editable rules files in data/ (review rules, out-of-hours rota
// rules, bank holidays; they share app/rules_json with the compliance measures' reader, left out
// here because it links the whole of core): any text is read or refused with a std::runtime_error
// whose words name the file (never another exception, a crash, or undefined behaviour on a number
// out of range). The first byte chooses the file; the rest is its text.
#include "app/bank_holidays_file.hpp"
#include "app/review_rules_file.hpp"
#include "app/rota_rules_file.hpp"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string file = "rules.json";
  try {
    switch (data[0] % 3) {
      case 0: vb::app::parse_review_rules(text, file); break;
      case 1: vb::app::parse_rota_rules(text, file); break;
      default: vb::app::parse_bank_holidays(text, file); break;
    }
  } catch (const std::runtime_error& e) {
    if (std::string_view(e.what()).find(file) != 0) std::abort();  // the words start with the file
  }
  return 0;
}
