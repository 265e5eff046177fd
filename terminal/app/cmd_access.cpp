// `visitboard pin set|clear|status STAFF` and `visitboard roles STAFF [ROLES]`: who may sign in
// and what they may do. A PIN is read from stdin (never from the command line, where `ps` and the
// shell history would see it); on a terminal it is asked for twice without echo.
#include "app/commands.hpp"
#include "app/session.hpp"
#include "store/command_store.hpp"
#include "store/sign_in.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace vb::app {

namespace {

std::string read_line_quietly(const char* prompt) {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// `--by` for admin actions: an admin's staff id, or (absent) the operating-system account that can
// write the database file, recorded as "command-line".
std::string admin_author(const Session& s, const CommandLine& cl) {
  auto by = cl.option("by");
  if (!by) return "command-line";
  const Staff* admin = s.model.snapshot.find_staff(*by);
  if (!admin || !admin->active) throw Refused("--by '" + *by + "' is not an active member of staff");
  if (!admin->has_role(Role::admin)) throw Refused(*by + " does not hold the admin role");
  return *by;
}

const std::string& staff_argument(const CommandLine& cl, size_t index, const char* usage) {
  if (cl.positional.size() <= index) throw UsageError(usage);
  return cl.positional[index];
}

}  // namespace

int run_pin(const CommandLine& cl) {
  constexpr const char* usage = "pin set|clear|status STAFF (set reads the PIN from stdin; clear needs --by)";
  const std::string& action = staff_argument(cl, 0, usage);
  const std::string& staff = staff_argument(cl, 1, usage);
  Session s = open_session(cl, false);
  const Instant now = s.clock->now();
  if (action == "set") {
    const std::string by = admin_author(s, cl);
    std::string pin = read_line_quietly("New PIN (4-8 digits): ");
    if (isatty(STDIN_FILENO) && read_line_quietly("Same PIN again: ") != pin) throw Refused("the two PINs differ");
    try {
      store::set_pin(s.db, staff, pin, by, now);
    } catch (const store::PinRefused& e) {
      throw Refused(e.what());
    }
    std::cerr << "PIN set for " << staff << "\n";
    return exit_ok;
  }
  if (action == "clear") {
    auto by = cl.option("by");
    if (!by) throw UsageError("pin clear needs --by STAFF (a shift coordinator or admin)");
    try {
      auto ids = store::apply_commands(s.db, s.model.snapshot, {ClearLockout{staff, *by, now}});
      std::cout << "{\"ok\":true,\"audit_id\":" << ids.at(0) << "}\n";
    } catch (const store::CommandRefused& e) {
      throw Refused(e.what());
    }
    return exit_ok;
  }
  if (action == "status") {
    try {
      auto st = store::sign_in_status(s.db, staff);
      std::cout << staff << ": " << (st.has_pin ? "PIN set" : "no PIN") << ", "
                << (st.locked ? "LOCKED" : "not locked") << ", " << st.failures.size()
                << " wrong PIN(s) since the last sign-in\n";
    } catch (const store::PinRefused& e) {
      throw Refused(e.what());
    }
    return exit_ok;
  }
  throw UsageError(usage);
}

int run_roles(const CommandLine& cl) {
  constexpr const char* usage = "roles STAFF [ROLE,ROLE...] (viewer, clinician, coordinator, senior_reviewer, manager, admin)";
  const std::string& staff = staff_argument(cl, 0, usage);
  Session s = open_session(cl, false);
  const Staff* m = s.model.snapshot.find_staff(staff);
  if (!m) throw Refused("staff '" + staff + "' does not exist");
  if (cl.positional.size() < 2) {
    std::string out;
    for (Role r : m->roles) out += (out.empty() ? "" : ",") + std::string(to_string(r));
    std::cout << staff << ": " << (out.empty() ? "(no roles)" : out) << "\n";
    return exit_ok;
  }
  auto parsed = parse_role_list(cl.positional[1]);
  if (!parsed.unknown.empty()) throw Refused("'" + parsed.unknown + "' is not a role (" + usage + ")");
  const std::string by = admin_author(s, cl);
  store::set_roles(s.db, staff, parsed.roles, by, s.clock->now());
  std::cerr << "roles of " << staff << " set\n";
  return exit_ok;
}

}  // namespace vb::app
