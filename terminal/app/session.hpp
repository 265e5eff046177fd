#pragma once
// An open database with its loaded model and the run's clock: what every data command starts from.
#include "app/cli.hpp"
#include "app/clock.hpp"
#include "app/terminal_model.hpp"
#include "store/database.hpp"

#include <memory>

namespace vb::app {

struct Session {
  store::Database db;
  TerminalModel model;
  std::unique_ptr<Clock> clock;

  // Re-reads the snapshot from the database and rebuilds the board for `now`.
  void reload(Instant now);
};

// Opens an existing database (never creates one), loads it, and pins the clock to --now if given.
Session open_session(const CommandLine& cl, bool advance_clock);

}  // namespace vb::app
