// Shader loading and the blur pass (GLSL 1.30, the context GlWindow asks for).
#define GL_GLEXT_PROTOTYPES
#include "platform/privacy_blur.hpp"

#include "platform/gl_program.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <malloc.h>

#include <algorithm>
#include <stdexcept>

namespace vb::platform {

PrivacyBlur::PrivacyBlur(const std::filesystem::path& shader_dir) {
  try {
    const Shader vs(GL_VERTEX_SHADER, shader_dir / "privacy_blur.vert");
    const Shader fs(GL_FRAGMENT_SHADER, shader_dir / "privacy_blur.frag");
    program_ = link_program(vs.id(), fs.id(), "frag_colour", {}, "the privacy blur");
    u_board_ = glGetUniformLocation(program_, "u_board");
    u_texel_ = glGetUniformLocation(program_, "u_texel");
    u_lod_ = glGetUniformLocation(program_, "u_lod");
    u_radius_ = glGetUniformLocation(program_, "u_radius");
    u_dim_ = glGetUniformLocation(program_, "u_dim");
    glGenTextures(1, &texture_);
    glGenTextures(1, &blurred_);
    glGenFramebuffers(1, &blurred_fbo_);
    glGenFramebuffers(1, &full_fbo_);
    glGenVertexArrays(1, &vao_);
  } catch (const std::exception& e) {
    problem_ = e.what();
  }
}

PrivacyBlur::~PrivacyBlur() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (blurred_fbo_) glDeleteFramebuffers(1, &blurred_fbo_);
  if (full_fbo_) glDeleteFramebuffers(1, &full_fbo_);
  if (blurred_) glDeleteTextures(1, &blurred_);
  if (texture_) glDeleteTextures(1, &texture_);
  if (program_) glDeleteProgram(program_);
}

void PrivacyBlur::invalidate() {
  cached_ = false;
  if (tex_w_ == 0) return;
  // New names with no storage: the driver frees the old images (the FBO goes too, as it holds one).
  glDeleteFramebuffers(1, &blurred_fbo_);
  glDeleteFramebuffers(1, &full_fbo_);
  glDeleteTextures(1, &blurred_);
  glDeleteTextures(1, &texture_);
  glGenTextures(1, &texture_);
  glGenTextures(1, &blurred_);
  glGenFramebuffers(1, &blurred_fbo_);
  glGenFramebuffers(1, &full_fbo_);
  tex_w_ = tex_h_ = 0;
  // After the first release glibc serves such sizes from the heap (its mmap threshold grows), where
  // freed images stay resident unless trimmed.
  glFinish();
  malloc_trim(0);
}

void PrivacyBlur::run(const ImDrawList*, const ImDrawCmd* cmd) {
  static_cast<PrivacyBlur*>(cmd->UserCallbackData)->apply(cmd->ClipRect);
}

void PrivacyBlur::apply(const ImVec4& clip) {
  GLint viewport[4] = {};
  glGetIntegerv(GL_VIEWPORT, viewport);
  const int w = viewport[2], h = viewport[3];
  if (w <= 0 || h <= 0) return;
  const int qw = std::max(1, w / 4), qh = std::max(1, h / 4);
  auto setup = [](GLuint tex, int tw, int th, GLint min_filter) {
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, tw, th, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, min_filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  };
  glActiveTexture(GL_TEXTURE0);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
  glUseProgram(program_);
  glUniform1i(u_board_, 0);
  glBindVertexArray(vao_);
  if (w != tex_w_ || h != tex_h_) {
    setup(texture_, w, h, GL_LINEAR_MIPMAP_LINEAR);
    setup(blurred_, qw, qh, GL_LINEAR);
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, blurred_fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, blurred_, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, full_fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    tex_w_ = w;
    tex_h_ = h;
    cached_ = false;
  }
  if (!cached_) {
    // Once per opening: the board as drawn -> mipmaps -> blurred at quarter size.
    glBindTexture(GL_TEXTURE_2D, texture_);
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, viewport[0], viewport[1], w, h);
    glGenerateMipmap(GL_TEXTURE_2D);
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, blurred_fbo_);
    glViewport(0, 0, qw, qh);
    glUniform2f(u_texel_, 1.0f / static_cast<float>(w), 1.0f / static_cast<float>(h));
    glUniform1f(u_lod_, 3.0f);
    glUniform1i(u_radius_, 3);
    // Dimmed here, once, rather than by a blended full-screen rectangle every frame (~18 ms of CPU
    // a frame at 1080p on llvmpipe): the same as ImGui blending dim_colour over the picture.
    glUniform4f(u_dim_, static_cast<float>(dim_colour[0]) / 255.0f, static_cast<float>(dim_colour[1]) / 255.0f,
                static_cast<float>(dim_colour[2]) / 255.0f, static_cast<float>(dim_colour[3]) / 255.0f);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    // Then stretched back to full size (linear filtering smooths it) into the board's texture,
    // whose copy is no longer needed: once per opening, not once a frame.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, blurred_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, full_fbo_);
    glBlitFramebuffer(0, 0, qw, qh, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    cached_ = true;
  }
  // Every frame: the blurred picture, copied pixel for pixel over the screen, within the callback's
  // clip rectangle (the lock screen asks only for what its panel leaves uncovered). On llvmpipe an
  // unscaled blit is a copy of memory; a full-screen quad through a fragment shader costs tens of ms.
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 off = dd ? dd->DisplayPos : ImVec2(0, 0);
  const ImVec2 scale = dd ? dd->FramebufferScale : ImVec2(1, 1);
  const int x0 = std::clamp(static_cast<int>((clip.x - off.x) * scale.x), 0, w);
  const int x1 = std::clamp(static_cast<int>((clip.z - off.x) * scale.x + 0.999f), 0, w);
  const int y0 = std::clamp(h - static_cast<int>((clip.w - off.y) * scale.y + 0.999f), 0, h);  // GL rows run bottom-up
  const int y1 = std::clamp(h - static_cast<int>((clip.y - off.y) * scale.y), 0, h);
  if (x1 <= x0 || y1 <= y0) return;
  GLint draw_fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
  GLint read_fbo = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, full_fbo_);
  glBlitFramebuffer(x0, y0, x1, y1, viewport[0] + x0, viewport[1] + y0, viewport[0] + x1, viewport[1] + y1, GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fbo));
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_fbo));
  // ImGui's ImDrawCallback_ResetRenderState follows and restores its own state.
}

}  // namespace vb::platform
