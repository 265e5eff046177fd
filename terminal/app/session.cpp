// Opening a database for a command or the kiosk.
#include "app/session.hpp"

#include "store/snapshot_loader.hpp"

namespace vb::app {

void Session::reload(Instant now) {
  model.snapshot = store::load_snapshot(db);
  model.loaded_at = now;
  model.rebuild(now);
}

Session open_session(const CommandLine& cl, bool advance_clock) {
  Session s{store::Database::open(cl.db_path(), store::OpenMode::existing), {}, nullptr};
  s.model.snapshot = store::load_snapshot(s.db);
  s.clock = std::make_unique<Clock>(cl.now, s.model.snapshot.zone(), advance_clock);
  Instant now = s.clock->now();
  s.model.loaded_at = now;
  s.model.rebuild(now);
  return s;
}

}  // namespace vb::app
