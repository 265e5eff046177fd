#version 130
// Dear ImGui's own vertex shader (imgui_impl_opengl3, GLSL 1.30): the same vertices, the same place.
uniform mat4 ProjMtx;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec4 Frag_Color;
void main() {
  Frag_Color = Color;
  gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
}
