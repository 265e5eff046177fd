#pragma once
// The kiosk's start path measured in its own process (see kiosk_startup.cpp).
#include <string>

namespace vb::bench {

// `kiosk_bench --startup DB NOW`: opens DB as `visitboard run` does, builds the first frame
// headless, then times a tap and a reload; prints one "startup-figures ..." line. Exit 1 on failure.
int kiosk_startup(const std::string& db_path, const std::string& now_text);

// Runs `kiosk_bench --startup` `runs` times in fresh processes (warm page cache) and prints the
// medians as rows of the bench's table.
void print_kiosk_startup(const std::string& db_path, const std::string& now_text, int runs);

}  // namespace vb::bench
