#pragma once
// An open database with its loaded model and the run's clock: what every data command starts from.
#include "app/cli.hpp"
#include "app/clock.hpp"
#include "app/terminal_model.hpp"
#include "store/database.hpp"

#include <memory>

namespace vb::app {

// How long each part of opening a session took (milliseconds, steady clock): the start path's figures.
struct SessionTimes {
  double open_ms = 0;    // Database::open: checks and migrations
  double load_ms = 0;    // load_snapshot plus the rules files from data/
  double derive_ms = 0;  // the first derive of the boards on view (filled by the caller that ensures them)
};

struct Session {
  store::Database db;
  TerminalModel model;
  std::unique_ptr<Clock> clock;
  SessionTimes times;

  // Re-reads the snapshot from the database; every board is then stale (derived on demand, TerminalModel::ensure).
  void reload(Instant now);
};

// Opens an existing database (never creates one), loads it, and pins the clock to --now if given.
Session open_session(const CommandLine& cl, bool advance_clock);

// How a session opens. Data commands take the defaults (open_session above); the kiosk
// (`visitboard run`) leaves the integrity check to its background thread.
struct SessionOptions {
  bool advance_clock = false;
  store::IntegrityCheck check = store::IntegrityCheck::before_opening;
  // The kiosk's working set (core/working_set.hpp) instead of every row; reloads keep it, with
  // the horizon moved to the reload's `now`.
  bool working_set = false;
  // With working_set: only what the kiosk's first frame reads (core/working_set.hpp first_frame_from);
  // the kiosk then loads the whole working set in the background (app/working_set_loader.hpp).
  bool first_frame_only = false;
};
Session open_session(const CommandLine& cl, const SessionOptions& options);

// How far back the kiosk's working set reaches with these compliance rules (core/working_set.hpp:
// at least working_set_history, more when the period and trend ask for it).
date::days kiosk_history(const ComplianceRules& rules);

}  // namespace vb::app
