// Asset lookup by search path; a build-tree binary never picks up an installed copy.
#include "platform/asset_paths.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace vb::platform {

namespace fs = std::filesystem;

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return fs::current_path();
  return exe.parent_path();
}

fs::path find_asset_root() {
  std::string looked;
  if (const char* env = std::getenv("VISITBOARD_ASSET_DIR"); env && *env) {
    if (fs::is_directory(fs::path(env) / "fonts")) return fs::path(env);
    looked += std::string(env) + " ($VISITBOARD_ASSET_DIR), ";
  }
  fs::path dir = executable_dir();
  if (fs::exists(dir / "CMakeCache.txt")) {
    // A build tree: only the assets the build put beside the binary count.
    if (fs::is_directory(dir / "fonts")) return dir;
    throw std::runtime_error("assets not found beside the build-tree binary in " + dir.string() +
                             " (rebuild to copy fonts/, shaders/, data/)");
  }
  looked += dir.string() + ", ";
  if (fs::is_directory(dir / "fonts")) return dir;
  fs::path installed = (dir / ".." / "share" / "visitboard").lexically_normal();
  if (fs::is_directory(installed / "fonts")) return installed;
  looked += installed.string();
  throw std::runtime_error("visitboard assets (fonts/) not found; looked in " + looked);
}

}  // namespace vb::platform
