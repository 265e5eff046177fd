#pragma once
// Shared by the store suites that apply commands to a board (adding a visit, starting a plan, ...):
// the synthetic snapshot (store_test_support) written to a fresh database and loaded back, with the
// taper templates the suite names, and small queries to check what a command wrote.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/taper_template.hpp"
#include "store/command_store.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/statement.hpp"
#include "store/store_test_support.hpp"

#include <string>
#include <vector>

namespace vb::store::test {

struct CommandBoard {
  TempDir dir;
  Database db;
  Snapshot snapshot;
  // `file`: the database's name in the temp folder; `templates`: taper templates text ("" = none).
  CommandBoard(const std::string& file, const std::string& templates)
      : db(Database::open(dir.file(file), OpenMode::create_if_missing)) {
    write_snapshot(db, full_snapshot());
    snapshot = load_snapshot(db);
    if (!templates.empty()) snapshot.taper_templates = parse_taper_templates(templates, "t.txt").templates;
  }
  long long count(const std::string& sql) { return query_int(db.handle(), sql); }
  std::string text(const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.column_text(0);
  }
  // command_problem's words for the batch as the store refuses it, or "(applied)".
  std::string refusal(std::vector<Command> cmds) {
    try {
      apply_commands(db, snapshot, cmds);
    } catch (const CommandRefused& e) {
      return e.problem();
    }
    return "(applied)";
  }
};

}  // namespace vb::store::test
