#pragma once
// Where fonts/, shaders/ and data/ are: never the working directory (under systemd it is /).
// Order: $VISITBOARD_ASSET_DIR; beside the executable in a build tree; <exe dir>/../share/visitboard.
#include <filesystem>

namespace vb::platform {

std::filesystem::path executable_dir();
// Throws std::runtime_error listing the places it looked when no fonts/ directory is found.
std::filesystem::path find_asset_root();

}  // namespace vb::platform
