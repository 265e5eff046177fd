#define GL_GLEXT_PROTOTYPES
#include "platform/gl_program.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vb::platform {

namespace {

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Shader::Shader(unsigned kind, const std::filesystem::path& file) {
  const std::string source = read_text(file);
  GLuint shader = glCreateShader(kind);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    glDeleteShader(shader);
    throw std::runtime_error(file.string() + ": " + log);
  }
  id_ = shader;
}

Shader::~Shader() {
  if (id_) glDeleteShader(id_);
}

unsigned link_program(unsigned vs, unsigned fs, const char* output,
                      const std::vector<std::pair<int, const char*>>& attributes, const std::string& what) {
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  for (const auto& [location, name] : attributes) glBindAttribLocation(program, static_cast<GLuint>(location), name);
  glBindFragDataLocation(program, 0, output);
  glLinkProgram(program);
  glDetachShader(program, vs);
  glDetachShader(program, fs);
  GLint linked = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &linked);
  if (!linked) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    glDeleteProgram(program);
    throw std::runtime_error("linking " + what + ": " + std::string(log));
  }
  return program;
}

}  // namespace vb::platform
