#pragma once
// The SQL for the kiosk's working set (core/working_set.hpp): a snapshot whose history_from is
// set loads per-event rows only from that horizon, plus every row of an episode still open at it.
// Shared by the loader files; a full snapshot (history_from empty) gets no WHERE at all.
#include "core/snapshot.hpp"

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

}  // namespace vb::store
