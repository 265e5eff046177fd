// Parsing data/bank_holidays.json into core's BankHolidays, strictly, with line and column.
#include "app/bank_holidays_file.hpp"

#include "app/rules_json.hpp"
#include "platform/asset_paths.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace vb::app {

BankHolidays parse_bank_holidays(std::string_view json_text, const std::string& file) {
  const json j = RulesReader::parse_object(json_text, file, true);
  const JsonPositions positions(json_text);
  const RulesReader r{file, &positions};
  BankHolidays out;
  out.source = r.text(j, "source", "");
  if (!j.contains("holidays")) r.fail("holidays", "missing (a list of {\"date\", \"name\"}; empty for none)");
  if (!j["holidays"].is_array()) r.fail("holidays", "must be a list of {\"date\", \"name\"}");
  std::map<std::string, size_t> seen;  // date -> index of its first entry
  for (size_t i = 0; i < j["holidays"].size(); ++i) {
    const json& h = j["holidays"][i];
    const std::string path = "holidays[" + std::to_string(i) + "]";
    if (!h.is_object()) r.fail(path, "must be an object with a date and a name");
    if (!h.contains("date")) r.fail(path + ".date", "missing date (YYYY-MM-DD)");
    if (!h["date"].is_string()) r.fail(path + ".date", "must be a date in quotes, \"YYYY-MM-DD\"");
    const std::string text = h["date"].get<std::string>();
    const auto day = parse_date(text);
    if (!day) r.fail(path + ".date", "'" + text + "' is not a date YYYY-MM-DD");
    if (!h.contains("name")) r.fail(path + ".name", "missing name (what the screens call the day)");
    const std::string name = r.text(h, "name", path + ".");
    auto [it, fresh] = seen.emplace(text, i);
    if (!fresh)
      r.fail(path + ".date", "'" + text + "' appears twice (also holidays[" + std::to_string(it->second) + "])");
    out.days.push_back(BankHoliday{*day, name});
  }
  std::sort(out.days.begin(), out.days.end(),
            [](const BankHoliday& a, const BankHoliday& b) { return date::sys_days{a.date} < date::sys_days{b.date}; });
  return out;
}

BankHolidays load_bank_holidays(const std::filesystem::path& file) {
  return parse_bank_holidays(read_rules_text(file, "bank holidays"), file.string());
}

BankHolidays load_team_bank_holidays() {
  return load_bank_holidays(platform::find_asset_root() / "data" / "bank_holidays.json");
}

}  // namespace vb::app
