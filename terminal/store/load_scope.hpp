#pragma once
// The SQL for the kiosk's working set (core/working_set.hpp): a snapshot whose history_from is
// set loads per-event rows only from that horizon, plus every row of an episode still open at it.
// Shared by the loader files; a full snapshot (history_from empty) gets no WHERE at all.
#include "core/snapshot.hpp"
#include "store/database.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vb::store {

// How a table's time column is stored: an instant ("2026-05-25T23:00:00Z") or a local date.
enum class TimeColumn { instant, local_date };

// The rows of `table` in the working set, as a condition on its id: " WHERE id IN (SELECT id FROM
// <table> WHERE <column> >= <horizon> OR episode_id IN (<episodes open at the horizon>))", without
// the episode part when `by_episode` is false; "" for a full snapshot. The id list keeps the outer
// "ORDER BY id" free (no sort), and the inner query runs on the time and episode indexes (001, 008).
// `joiner` replaces " WHERE " when the statement has a WHERE already (" AND ").
std::string where_in_scope(const Snapshot& s, std::string_view table, std::string_view column,
                           TimeColumn kind = TimeColumn::instant, bool by_episode = true,
                           std::string_view joiner = " WHERE ");

// Just the inner "SELECT id FROM <table> WHERE ..." (for child tables: visit_skill, review_risk_domain).
std::string ids_in_scope(const Snapshot& s, std::string_view table, std::string_view column,
                         TimeColumn kind = TimeColumn::instant, bool by_episode = true);

// The WHERE for a child table's rows (visit_skill of visits, review_risk_domain of reviews) in a
// working set: "" (read it whole; the caller skips rows of parents it did not load) when the table
// has no more rows than the parents loaded, which is cheaper than listing the parents' ids again;
// else " WHERE <column> IN (<ids_in_scope of the parent>)". "" for a full snapshot.
std::string where_child_in_scope(Database& db, const Snapshot& s, std::string_view child, std::string_view column,
                                 size_t parents_loaded, std::string_view parent, std::string_view time_column,
                                 TimeColumn kind);

// The working set's episodes (core/working_set.hpp: open or closed since working_set_episodes_from,
// or named by a decision): " WHERE <condition on the episode table>"; "" for a full snapshot.
// Episodes that rows loaded later belong to are added by the loader (snapshot_loader.cpp).
std::string where_episode_in_scope(const Snapshot& s);
// People of those episodes and every key person's person.
std::string where_person_in_scope(const Snapshot& s);
// Contact plans (and their phases) of the episodes open at history_from: the screens that read
// plans (today, plans, compliance windows) look no further back.
std::string where_plan_in_scope(const Snapshot& s);
std::string where_phase_in_scope(const Snapshot& s);

// The same rows as where_in_scope, for the kiosk's big tables (visit, shift, review, transition_record): " WHERE <column> >=
// <horizon> [OR episode_id IN (<episodes open at the horizon>)]" with no order, so the planner reads
// each row once, straight from the time and episode indexes, instead of listing the ids first and
// looking every row up again by id (SQLite's time on a 5-year trust: visits 55 -> 42 ms, shifts
// 34 -> 20, transition records 26 -> 18, reviews 25 -> 23). The caller puts its rows in id order
// with sort_by_id. For a full snapshot: " ORDER BY id" (the table's own order, no sort).
std::string scoped_rows(const Snapshot& s, std::string_view table, std::string_view column,
                        TimeColumn kind = TimeColumn::instant, bool by_episode = true);

// Rows in id order, as every loader leaves its table (the snapshot's lookups are binary searches).
// Each row moves once; rows already in order (a full snapshot) are only checked.
template <class Row>
void sort_by_id(std::vector<Row>& rows) {
  auto by_id = [](const Row& a, const Row& b) { return a.id < b.id; };
  if (std::is_sorted(rows.begin(), rows.end(), by_id)) return;
  std::vector<std::pair<std::int64_t, std::size_t>> order(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) order[i] = {rows[i].id, i};
  std::sort(order.begin(), order.end());
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (const auto& [id, i] : order) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
}

// The row with `id` among rows in id order (as every loader leaves its table), or nullptr: a binary
// search, so a child table's loader needs no hash map of every parent row.
template <class Row>
Row* find_by_id(std::vector<Row>& rows, std::int64_t id) {
  auto it = std::lower_bound(rows.begin(), rows.end(), id, [](const Row& r, std::int64_t x) { return r.id < x; });
  return it != rows.end() && it->id == id ? &*it : nullptr;
}

}  // namespace vb::store
