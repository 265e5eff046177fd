// The working set's WHERE clauses. The horizon is written into the SQL as a literal: it is our own
// fixed-width stored form (digits, '-', ':', 'T', 'Z'), never text from outside.
#include "store/load_scope.hpp"

#include "store/stored_form.hpp"

namespace vb::store {

std::string ids_in_scope(const Snapshot& s, std::string_view table, std::string_view column, TimeColumn kind,
                         bool by_episode) {
  const Instant from = s.history_from.value_or(Instant{});
  const std::string instant = "'" + stored_instant(from) + "'";
  const std::string horizon =
      kind == TimeColumn::instant ? instant : "'" + stored_date(local_date_of(from, find_zone(s.team.time_zone))) + "'";
  std::string sql = "SELECT id FROM " + std::string(table) + " WHERE " + std::string(column) + " >= " + horizon;
  if (by_episode) sql += " OR episode_id IN (SELECT id FROM episode WHERE closed_at IS NULL OR closed_at >= " + instant + ")";
  return sql;
}

std::string where_in_scope(const Snapshot& s, std::string_view table, std::string_view column, TimeColumn kind,
                           bool by_episode, std::string_view joiner) {
  if (!s.history_from) return {};
  return std::string(joiner) + "id IN (" + ids_in_scope(s, table, column, kind, by_episode) + ")";
}

}  // namespace vb::store
