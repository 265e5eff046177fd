#version 130
// Solid fills without the font texture: ImGui draws a filled shape with the atlas's white texel,
// so its colour times that texel (1.0) is the vertex colour. On a CPU renderer (llvmpipe) the
// texture fetch is much of the cost of every filled pixel; blending stays as ImGui sets it.
in vec4 Frag_Color;
out vec4 Out_Color;
void main() {
  Out_Color = Frag_Color;
}
