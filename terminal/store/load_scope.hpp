#pragma once
// The SQL for the kiosk's working set (core/working_set.hpp): a snapshot whose history_from is
// set loads per-event rows only from that horizon, plus every row of an episode still open at it.
// Shared by the loader files; a full snapshot (history_from empty) gets no WHERE at all.
#include "core/snapshot.hpp"
#include "store/database.hpp"

#include <string>
#include <string_view>

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

}  // namespace vb::store
