// dlopen by absolute path from a fixed search list (a bare name would make dlopen search
// LD_LIBRARY_PATH and the system's library directories).
#include "plugin/plugin_loader.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>

namespace vb::plugin {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::mutex opened_mutex;
std::map<fs::path, void*>& opened() {
  static std::map<fs::path, void*> handles;  // never closed: function pointers into them are kept
  return handles;
}

}  // namespace

std::vector<fs::path> plugin_dirs() {
  std::vector<fs::path> dirs;
  // An override is the only place looked: a deployment (or a test) says exactly which plugins it runs.
  if (const char* env = std::getenv("VISITBOARD_PLUGIN_DIR"); env && *env) return {fs::path(env)};
  const fs::path exe = executable_dir();
  if (exe.empty()) return dirs;
  // A build tree (the binary, or a test or benchmark a level or two below the build directory): only
  // what this build made counts, never an installed copy.
  fs::path d = exe;
  for (int up = 0; up < 3 && !d.empty(); ++up, d = d.parent_path()) {
    if (fs::exists(d / "CMakeCache.txt")) {
      dirs.push_back(d);
      return dirs;
    }
    if (d == d.parent_path()) break;
  }
  dirs.push_back((exe / ".." / "lib" / "visitboard").lexically_normal());
  return dirs;
}

void* plugin_symbol(const std::string& file, const char* symbol, const std::string& purpose,
                    const std::vector<fs::path>& dirs) {
  fs::path found;
  std::string looked;
  for (const fs::path& dir : dirs) {
    if (fs::is_regular_file(dir / file)) {
      found = fs::absolute(dir / file).lexically_normal();
      break;
    }
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  if (found.empty())
    throw PluginError(purpose + " needs the plugin " + file + ", which was not found; looked in " +
                      (looked.empty() ? std::string("no directory") : looked));

  std::lock_guard lock(opened_mutex);
  void*& handle = opened()[found];
  if (!handle) {
    handle = dlopen(found.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      opened().erase(found);
      throw PluginError(purpose + ": cannot load the plugin " + found.string() + ": " + (why ? why : "unknown error"));
    }
  }
  dlerror();
  void* address = dlsym(handle, symbol);
  if (!address)
    throw PluginError(purpose + ": the plugin " + found.string() + " has no entry point " + symbol +
                      " (not this plugin, or from another version of visitboard)");
  return address;
}

void* plugin_symbol(const std::string& file, const char* symbol, const std::string& purpose) {
  return plugin_symbol(file, symbol, purpose, plugin_dirs());
}

}  // namespace vb::plugin
