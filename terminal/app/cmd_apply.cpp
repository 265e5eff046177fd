// `visitboard apply`: JSON lines on stdin, validated first, then applied in one transaction.
#include "app/command_json.hpp"
#include "app/commands.hpp"
#include "app/session.hpp"
#include "store/command_store.hpp"

#include <iostream>

namespace vb::app {

int run_apply(const CommandLine& cl) {
  Session s = open_session(cl, false);
  Zone zone = s.model.snapshot.zone();
  Instant now = s.clock->now();

  std::vector<Command> commands;
  std::vector<int> line_numbers;
  std::vector<std::string> problems;
  std::string line;
  int number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto parsed = parse_command_json(line, zone, now);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
      problems.push_back("line " + std::to_string(number) + ": " + *problem);
      continue;
    }
    commands.push_back(std::get<Command>(parsed));
    line_numbers.push_back(number);
  }
  if (!problems.empty()) {
    for (const auto& p : problems) std::cerr << p << "\n";
    std::cerr << "nothing applied\n";
    return exit_refused;
  }
  if (commands.empty()) {
    std::cerr << "no commands on stdin; nothing applied\n";
    return exit_ok;
  }
  std::vector<Id> audit_ids;
  try {
    audit_ids = store::apply_commands(s.db, s.model.snapshot, commands);
  } catch (const store::CommandRefused& e) {
    std::cerr << "line " << line_numbers.at(e.index()) << ": " << e.what() << "\nnothing applied\n";
    return exit_refused;
  }
  for (size_t i = 0; i < audit_ids.size(); ++i) {
    std::cout << "{\"line\":" << line_numbers[i] << ",\"ok\":true,\"audit_id\":" << audit_ids[i] << "}\n";
  }
  return exit_ok;
}

}  // namespace vb::app
