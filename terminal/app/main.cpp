// visitboard: parse the command line, run one command, map errors to the exit codes scripts rely on.
#include "app/cli.hpp"
#include "app/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#ifndef VISITBOARD_VERSION
#define VISITBOARD_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace vb::app;
  // An exception escaping a thread ends the process: say so, then abort (non-zero, systemd restarts).
  std::set_terminate([] {
    try {
      if (auto e = std::current_exception()) std::rethrow_exception(e);
      std::cerr << "visitboard: fatal: terminate called without an exception\n";
    } catch (const std::exception& e) {
      std::cerr << "visitboard: fatal: uncaught exception: " << e.what() << "\n";
    } catch (...) {
      std::cerr << "visitboard: fatal: uncaught exception of an unknown type\n";
    }
    std::abort();
  });
  try {
    CommandLine cl = parse_command_line(argc, argv);
    if (cl.command == "version") {
      std::cout << "visitboard " << VISITBOARD_VERSION << "\n";
      return exit_ok;
    }
    if (cl.command == "help") {
      std::cout << usage_text();
      return exit_ok;
    }
    if (cl.command == "demo") return run_demo(cl);
    if (cl.command == "board") return run_board(cl);
    if (cl.command == "apply") return run_apply(cl);
    if (cl.command == "screenshot") return run_screenshot(cl);
    if (cl.command == "backup") return run_backup(cl);
    if (cl.command == "restore") return run_restore(cl);
    if (cl.command == "import") return run_import(cl);
    if (cl.command == "export") return run_export(cl);
    if (cl.command == "report") return run_report(cl);
    if (cl.command == "pin") return run_pin(cl);
    if (cl.command == "roles") return run_roles(cl);
    return run_kiosk(cl);
  } catch (const UsageError& e) {
    std::cerr << "visitboard: " << e.what() << "\n\n" << usage_text();
    return exit_usage;
  } catch (const std::exception& e) {
    // The kiosk's fatal errors end here too, with what failed in the message (the store names
    // the file and the operation); exit 1 lets systemd restart it.
    std::cerr << "visitboard: " << e.what() << "\n";
    return exit_refused;
  }
}
