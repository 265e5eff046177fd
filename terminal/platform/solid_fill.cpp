#define GL_GLEXT_PROTOTYPES
#include "platform/solid_fill.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "platform/gl_program.hpp"

namespace vb::platform {

SolidFill::SolidFill(const std::filesystem::path& shader_dir) {
  if (const char* v = std::getenv("VISITBOARD_SOLID_FILL"); v && std::strcmp(v, "off") == 0) {
    problem_ = "turned off by VISITBOARD_SOLID_FILL=off";  // for comparisons: ImGui's shader draws every fill
    return;
  }
  try {
    vs_ = std::make_unique<Shader>(GL_VERTEX_SHADER, shader_dir / "solid_fill.vert");
    fs_ = std::make_unique<Shader>(GL_FRAGMENT_SHADER, shader_dir / "solid_fill.frag");
  } catch (const std::exception& e) {
    problem_ = e.what();
    vs_.reset();
    fs_.reset();
  }
}

SolidFill::~SolidFill() {
  if (program_) glDeleteProgram(program_);
}

void SolidFill::run(const ImDrawList*, const ImDrawCmd* cmd) { static_cast<SolidFill*>(cmd->UserCallbackData)->apply(); }

void SolidFill::apply() {
  if (!ok()) return;
  // ImGui's backend has set up its state for this draw list: its program, vertex array (attribute
  // locations queried from that program), blending, scissor and texture. Only the program changes.
  GLint imgui_program = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &imgui_program);
  if (imgui_program == 0) return;
  if (imgui_program != imgui_program_) {
    if (program_) glDeleteProgram(program_);
    program_ = 0;
    const auto p = static_cast<GLuint>(imgui_program);
    try {
      program_ = link_program(vs_->id(), fs_->id(), "Out_Color",
                              {{glGetAttribLocation(p, "Position"), "Position"}, {glGetAttribLocation(p, "Color"), "Color"}},
                              "the solid fill");
    } catch (const std::exception& e) {
      problem_ = e.what();
      std::fprintf(stderr, "visitboard: %s (filled shapes are drawn as before)\n", problem_.c_str());
      return;
    }
    imgui_program_ = imgui_program;
    imgui_proj_ = glGetUniformLocation(p, "ProjMtx");
    proj_ = glGetUniformLocation(program_, "ProjMtx");
  }
  GLfloat projection[16] = {};
  glGetUniformfv(static_cast<GLuint>(imgui_program), imgui_proj_, projection);
  glUseProgram(program_);
  glUniformMatrix4fv(proj_, 1, GL_FALSE, projection);
}

}  // namespace vb::platform
