#pragma once
// Compiling and linking the GLSL programs in shaders/ (the privacy blur, solid fills). Each throws
// std::runtime_error naming the file or program and quoting the driver's log; callers keep ImGui's
// own drawing when a program of theirs is missing or does not build.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace vb::platform {

// A compiled shader object from a GLSL file (kind: GL_VERTEX_SHADER or GL_FRAGMENT_SHADER), deleted
// with this (a program linked from it keeps what it needs).
class Shader {
 public:
  Shader(unsigned kind, const std::filesystem::path& file);
  ~Shader();
  Shader(const Shader&) = delete;
  Shader& operator=(const Shader&) = delete;
  unsigned id() const { return id_; }

 private:
  unsigned id_ = 0;
};

// A linked program of `vs` and `fs` (both stay the caller's), its fragment output `output` at
// location 0 and each named attribute bound at the given location before linking.
unsigned link_program(unsigned vs, unsigned fs, const char* output,
                      const std::vector<std::pair<int, const char*>>& attributes, const std::string& what);

}  // namespace vb::platform
