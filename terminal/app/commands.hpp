#pragma once
// One function per command-line command; each returns the process exit code.
#include "app/cli.hpp"

namespace vb::app {

int run_kiosk(const CommandLine& cl);
int run_demo(const CommandLine& cl);
int run_board(const CommandLine& cl);
int run_apply(const CommandLine& cl);
int run_screenshot(const CommandLine& cl);
int run_backup(const CommandLine& cl);
int run_restore(const CommandLine& cl);
int run_import(const CommandLine& cl);
int run_export(const CommandLine& cl);
int run_report(const CommandLine& cl);
int run_pin(const CommandLine& cl);
int run_roles(const CommandLine& cl);

}  // namespace vb::app
