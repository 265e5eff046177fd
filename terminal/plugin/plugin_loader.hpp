#pragma once
// Private plugins: shared libraries the kiosk opens with dlopen only when a feature that needs a big
// library is asked for (the exact allocation solver on CBC/CLP, PDF reports on cairo), so the kiosk
// does not map those libraries at start. Found like the assets, never in the working directory:
// $VISITBOARD_PLUGIN_DIR when set (and then nothing else); else in a build tree the build directory
// beside the executable (never an installed copy); else, installed, <exe dir>/../lib/visitboard.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace vb::plugin {

// A plugin that is missing, cannot be loaded or lacks its entry point; the message says which plugin,
// what for, where it looked or which file, and why.
struct PluginError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Where plugins are looked for, in order.
std::vector<std::filesystem::path> plugin_dirs();

// The address of `symbol` in the plugin `file` (e.g. "visitboard-solver.so") from the first of `dirs`
// that holds it. A plugin is opened once per process (RTLD_NOW | RTLD_LOCAL) and stays open.
// `purpose` names the feature in messages ("the exact allocation solver (CBC/CLP)"). Throws PluginError.
void* plugin_symbol(const std::string& file, const char* symbol, const std::string& purpose,
                    const std::vector<std::filesystem::path>& dirs);
// The same with plugin_dirs().
void* plugin_symbol(const std::string& file, const char* symbol, const std::string& purpose);

// The function table of a plugin whose entry point `entry` is `const Table* ()`, checked to be the
// table this build expects: `Table` starts with `unsigned version, size` (sizeof(Table) where the
// plugin was built). Throws PluginError: missing, broken, wrong entry point, or another version's table.
template <class Table>
const Table& plugin_table(const std::string& file, const char* entry, unsigned version, const std::string& purpose) {
  using Entry = const Table* (*)();
  auto get = reinterpret_cast<Entry>(plugin_symbol(file, entry, purpose));
  const Table* table = get();
  if (!table || table->version != version || table->size != sizeof(Table))
    throw PluginError(purpose + ": the plugin " + file + " is from another version of visitboard (reinstall visitboard)");
  return *table;
}

}  // namespace vb::plugin
