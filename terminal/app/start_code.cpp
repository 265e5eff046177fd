// Code pages touched only at the start, unmapped once it is over (see start_code.hpp).
#include "app/start_code.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vb::app {

namespace {

// Libraries the kiosk links for its own work, which a bare board does not map.
constexpr std::array<std::string_view, 4> own_libraries{"libsqlite3.so", "libsodium.so", "libboost_serialization.so",
                                                        "libdate-tz.so"};

bool is_own_file(std::string_view file, std::string_view exe) {
  if (file.empty() || file.front() != '/') return false;
  if (!exe.empty() && file == exe) return true;
  const std::string_view name = file.substr(file.rfind('/') + 1);
  for (std::string_view lib : own_libraries)
    if (name.starts_with(lib)) return true;
  return false;
}

std::uintptr_t hex(std::string_view text) {
  std::uintptr_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v, 16);
  return v;
}

std::size_t kib_field(std::string_view line) {  // "Rss:   1234 kB"
  const auto colon = line.find(':');
  std::string_view rest = line.substr(colon + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  std::size_t v = 0;
  std::from_chars(rest.data(), rest.data() + rest.size(), v);
  return v;
}

}  // namespace

std::vector<CodeMapping> start_code_mappings(std::string_view smaps, std::string_view exe) {
  std::vector<CodeMapping> out;
  bool candidate = false, anonymous = false;
  CodeMapping current;
  auto finish = [&] {
    if (candidate && !anonymous) out.push_back(current);
    candidate = anonymous = false;
  };
  while (!smaps.empty()) {
    const auto eol = smaps.find('\n');
    const std::string_view line = smaps.substr(0, eol);
    smaps = eol == std::string_view::npos ? std::string_view{} : smaps.substr(eol + 1);
    const auto dash = line.find('-');
    const auto space = line.find(' ');
    if (dash != std::string_view::npos && space != std::string_view::npos && dash < space &&
        line.find(':') > space) {  // a mapping's first line: "start-end perms offset dev inode   path"
      finish();
      current = CodeMapping{hex(line.substr(0, dash)), hex(line.substr(dash + 1, space - dash - 1)), 0, {}};
      std::istringstream fields{std::string(line.substr(space + 1))};
      std::string perms, offset, dev, inode;
      fields >> perms >> offset >> dev >> inode;
      std::string file;
      std::getline(fields >> std::ws, file);
      current.file = file;
      candidate = perms.size() == 4 && perms[0] == 'r' && perms[1] == '-' && perms[3] == 'p' && is_own_file(file, exe);
    } else if (line.starts_with("Rss:")) {
      current.rss_kib = kib_field(line);
    } else if (line.starts_with("Anonymous:")) {
      anonymous = kib_field(line) != 0;
    }
  }
  finish();
  return out;
}

std::size_t drop_start_code() {
  std::error_code ec;
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  std::ifstream in("/proc/self/smaps");
  if (!in) return 0;
  std::stringstream text;
  text << in.rdbuf();
  std::size_t dropped = 0;
  for (const CodeMapping& m : start_code_mappings(text.str(), ec ? std::string{} : exe)) {
    if (m.rss_kib == 0) continue;
    if (madvise(reinterpret_cast<void*>(m.start), m.end - m.start, MADV_DONTNEED) == 0) dropped += m.rss_kib;
  }
  return dropped;
}

}  // namespace vb::app
