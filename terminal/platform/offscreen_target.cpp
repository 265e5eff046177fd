// FBO + glReadPixels + stb_image_write: the screenshot path.
#define GL_GLEXT_PROTOTYPES
#include "platform/offscreen_target.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <stb_image_write.h>

#include <stdexcept>
#include <vector>

namespace vb::platform {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
  glGenFramebuffers(1, &framebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glGenRenderbuffers(1, &colour_);
  glBindRenderbuffer(GL_RENDERBUFFER, colour_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    throw std::runtime_error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                             " off-screen framebuffer");
  }
}

OffscreenTarget::~OffscreenTarget() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &colour_);
  glDeleteFramebuffers(1, &framebuffer_);
}

void OffscreenTarget::bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::write_png(const std::filesystem::path& out) const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  std::vector<unsigned char> pixels(static_cast<size_t>(width_) * static_cast<size_t>(height_) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows run bottom-up; PNG's top-down. Also make every pixel opaque.
  std::vector<unsigned char> flipped(pixels.size());
  const size_t stride = static_cast<size_t>(width_) * 4;
  for (int y = 0; y < height_; ++y) {
    const unsigned char* src = pixels.data() + static_cast<size_t>(height_ - 1 - y) * stride;
    std::copy(src, src + stride, flipped.data() + static_cast<size_t>(y) * stride);
  }
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  if (!stbi_write_png(out.c_str(), width_, height_, 4, flipped.data(), static_cast<int>(stride))) {
    throw std::runtime_error("cannot write " + out.string());
  }
}

}  // namespace vb::platform
