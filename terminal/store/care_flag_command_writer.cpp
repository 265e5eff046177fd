// Clearing a care flag: one transition_record row (the flag, detail "cleared: <reason>") and its
// audit row, in the caller's transaction (see core/care_flags.hpp for why a row, not a delete).
#include "core/care_flags.hpp"
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

namespace vb::store::detail {

Id StepDownCommandWriter::apply(const Command& c, const ClearCareFlag& r) {
  undo_.save_whole();
  const std::string detail = std::string(care_flag_cleared_prefix) + r.reason;
  auto st = db_.prepare("INSERT INTO transition_record (episode_id, item, at, by_staff, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind_int(1, r.episode).bind_text(2, r.flag);
  bind_instant(st, 3, r.at);
  st.bind_text(4, r.by).bind_text(5, detail);
  st.run("clearing care flag '" + r.flag + "' of episode " + std::to_string(r.episode));
  TransitionRecord row{sqlite3_last_insert_rowid(db_.handle()), r.episode, r.flag, r.at, r.by, detail};
  s_.transition_records.push_back(row);
  s_.reindex();
  Json before{{"episode_id", r.episode}, {"flag", r.flag}, {"noted", true}};
  Json after{{"episode_id", r.episode}, {"flag", r.flag}, {"noted", false}, {"reason", r.reason}};
  return audit_.write(c, r.at, r.by, "transition_record", row.id, before, after);
}

}  // namespace vb::store::detail
