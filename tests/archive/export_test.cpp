// Exports: stable CSV columns, one row per record in range, and FHIR R4 resource shapes.
#include <doctest/doctest.h>

#include "archive/export.hpp"
#include "archive_test_support.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"

#include <nlohmann/json.hpp>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

TEST_CASE("export: csv has the documented columns and one row per visit of the day") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  auto s = store::load_snapshot(db);
  auto day = *parse_date("2026-11-23");
  auto csv = export_csv(s, ExportKind::visits, {day, day});
  CHECK(csv.substr(0, csv.find('\n')) ==
        "visit_id,episode_id,person_local_id,local_date,window_start,window_end,type,status,staff1,staff2,"
        "out_of_hours,double_up,outcome_at,reason,duration_min,follow_up_of");
  std::size_t today = 0;
  for (const auto& v : s.visits) today += v.date == day;
  CHECK(std::count(csv.begin(), csv.end(), '\n') == static_cast<long>(today + 1));
  CHECK(export_csv(s, ExportKind::episodes, {}).starts_with("episode_id,person_local_id,nhs_number,"));
  CHECK(export_csv(s, ExportKind::reviews, {}).starts_with("review_id,episode_id,person_local_id,reviewer,"));
}

TEST_CASE("export: json is a FHIR R4 Bundle of Appointments, EpisodesOfCare and ClinicalImpressions") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  auto s = store::load_snapshot(db);
  auto day = *parse_date("2026-11-23");
  auto bundle = nlohmann::json::parse(export_fhir_json(s, std::nullopt, {day, day}));
  CHECK(bundle["resourceType"] == "Bundle");
  CHECK(bundle["type"] == "collection");
  std::map<std::string, int> kinds;
  for (const auto& e : bundle["entry"]) {
    const auto& r = e["resource"];
    kinds[r["resourceType"]]++;
    if (r["resourceType"] == "Appointment") {
      CHECK(r["participant"].size() >= 1);
      CHECK(std::string(r["status"]).size() > 0);
      CHECK(r["start"].get<std::string>().ends_with("Z"));
    }
    if (r["resourceType"] == "EpisodeOfCare") {
      CHECK((r["status"] == "active" || r["status"] == "finished"));
      CHECK(r["patient"]["identifier"]["system"].is_string());
    }
  }
  CHECK(kinds["Appointment"] >= 10);
  CHECK(kinds["EpisodeOfCare"] >= 10);
}
