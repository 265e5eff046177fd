#pragma once
// Writes a validated import (staff, caseload or rota rows from the trust's systems) in one
// transaction, one audit_log row per added or changed row, remembering external ids in import_key
// so the same file imported again matches the same rows.
#include "core/model.hpp"
#include "store/database.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vb::store {

// One row to insert (before empty) or update (before = the stored row). `external_id` is the
// source system's id where the import has one (episodes: referral id; shifts: rota id).
template <class T>
struct Upsert {
  std::optional<T> before;
  T after;
  std::string external_id;
};

// An episode of the caseload file: its person is named by local id (the person may be new).
struct EpisodeUpsert {
  Upsert<Episode> episode;
  std::string person_local_id;
};

struct ImportWrites {
  std::string source;  // "staff", "caseload" or "rota": the audit command is "import_<source>"
  std::vector<Upsert<Staff>> staff;
  std::vector<Upsert<Person>> people;  // matched on local_id
  std::vector<EpisodeUpsert> episodes;
  std::vector<Upsert<Shift>> shifts;
  std::size_t size() const { return staff.size() + people.size() + episodes.size() + shifts.size(); }
};

// external id -> row id for one source ("caseload" -> episode ids, "rota" -> shift ids).
std::map<std::string, Id> import_keys(Database& db, const std::string& source);

// All or nothing, in one BEGIN IMMEDIATE transaction; returns the audit ids written. New rows get
// ids from SQLite (the ids in `after` are ignored for inserts). Throws StoreError naming the row.
std::vector<Id> apply_import(Database& db, const ImportWrites& writes, Instant at, const std::string& by);

}  // namespace vb::store
