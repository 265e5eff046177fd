// Fuzzes the one CSV reader and the header/field checks every import runs before planning.
#include "archive/csv_reader.hpp"
#include "archive/import_fields.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto table = vb::archive::read_csv(std::string_view(reinterpret_cast<const char*>(data), size));
  vb::archive::ImportProblems problems("fuzz.csv");
  static const vb::archive::ColumnSet columns{{"shift_id", "date", "start"}, {"note"}};
  auto header = vb::archive::read_header(table, columns, problems);
  if (header) {
    for (std::size_t r = 1; r < table.records.size(); ++r) {
      vb::archive::Row row(table.records[r], *header, problems);
      row.text("shift_id", true);
      row.date("date");
      row.time_of_day("start");
    }
  }
  problems.sorted();
  return 0;
}
