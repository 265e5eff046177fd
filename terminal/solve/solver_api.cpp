// Loading the solver plugin's table and checking it is the table this build expects.
#include "solve/solver_api.hpp"

#include "plugin/plugin_loader.hpp"

#include <cstdio>
#include <mutex>

namespace vb::solve {

namespace {

constexpr const char* purpose = "the exact allocation solver (CBC/CLP)";

std::mutex state_mutex;
const SolverApi* loaded = nullptr;
std::optional<std::string> last_error;

}  // namespace

const SolverApi& solver_api() {
  std::lock_guard lock(state_mutex);
  if (loaded) return *loaded;
  try {
    loaded = &plugin::plugin_table<SolverApi>(solver_plugin_file, solver_plugin_entry, solver_api_version, purpose);
    last_error.reset();
    return *loaded;
  } catch (const plugin::PluginError& e) {
    if (!last_error || *last_error != e.what()) std::fprintf(stderr, "visitboard: %s\n", e.what());
    last_error = e.what();
    throw;
  }
}

const SolverApi* solver_api_or_null() {
  try {
    return &solver_api();
  } catch (const plugin::PluginError&) {
    return nullptr;
  }
}

std::optional<std::string> solver_unavailable() {
  std::lock_guard lock(state_mutex);
  return last_error;
}

}  // namespace vb::solve
