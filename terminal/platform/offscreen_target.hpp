#pragma once
// An off-screen framebuffer of exactly W x H pixels, so screenshots do not depend on the size of
// the (virtual) display, and a PNG writer for what was drawn into it.
#include <filesystem>

namespace vb::platform {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);  // needs a current GL context; throws when incomplete
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  void bind();
  // Reads the pixels (flipped to top-down) and writes a PNG; throws with the path on failure.
  void write_png(const std::filesystem::path& out) const;

 private:
  int width_, height_;
  unsigned framebuffer_ = 0, colour_ = 0;
};

}  // namespace vb::platform
