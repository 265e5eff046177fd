// The working set's WHERE clauses. The horizon is written into the SQL as a literal: it is our own
// fixed-width stored form (digits, '-', ':', 'T', 'Z'), never text from outside.
#include "store/load_scope.hpp"

#include "core/working_set.hpp"
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

std::string scoped_rows(const Snapshot& s, std::string_view table, std::string_view column, TimeColumn kind,
                        bool by_episode) {
  if (!s.history_from) return " ORDER BY id";
  const std::string ids = ids_in_scope(s, table, column, kind, by_episode);  // "SELECT id FROM <table> WHERE <cond>"
  return " WHERE " + ids.substr(ids.find(" WHERE ") + 7);
}

std::string where_child_in_scope(Database& db, const Snapshot& s, std::string_view child, std::string_view column,
                                 size_t parents_loaded, std::string_view parent, std::string_view time_column,
                                 TimeColumn kind) {
  if (!s.history_from) return {};
  auto count = db.prepare("SELECT count(*) FROM " + std::string(child));
  count.step("counting " + std::string(child));
  if (count.column_int(0) <= static_cast<std::int64_t>(parents_loaded)) return {};
  return " WHERE " + std::string(column) + " IN (" + ids_in_scope(s, parent, time_column, kind) + ")";
}

namespace {

std::string episode_condition(const Snapshot& s) {
  const Instant from = working_set_episodes_from(*s.history_from, find_zone(s.team.time_zone));
  return "closed_at IS NULL OR closed_at >= '" + stored_instant(from) + "' OR id IN (SELECT episode_id FROM decision_log)";
}

}  // namespace

std::string where_episode_in_scope(const Snapshot& s) {
  if (!s.history_from) return {};
  return " WHERE " + episode_condition(s);
}

std::string where_person_in_scope(const Snapshot& s) {
  if (!s.history_from) return {};
  return " WHERE id IN (SELECT person_id FROM episode WHERE " + episode_condition(s) +
         ") OR id IN (SELECT person_id FROM key_person)";
}

std::string where_plan_in_scope(const Snapshot& s) {
  if (!s.history_from) return {};
  return " WHERE episode_id IN (SELECT id FROM episode WHERE closed_at IS NULL OR closed_at >= '" +
         stored_instant(*s.history_from) + "')";
}

std::string where_phase_in_scope(const Snapshot& s) {
  if (!s.history_from) return {};
  return " WHERE plan_id IN (SELECT id FROM contact_plan" + where_plan_in_scope(s) + ")";
}

}  // namespace vb::store
