#version 130
// The privacy blur behind the lock screen: the board as drawn, read from a coarse mip level and
// averaged with Gaussian weights over a wide footprint, so shapes and colours show that the board
// is there but no name, initial or number can be read. Cheap on a CPU renderer: it runs once per
// opening of the PIN pad, into a quarter-size texture; later frames draw that texture (u_radius 0).
uniform sampler2D u_board;
uniform vec2 u_texel;  // 1 / size of the board in pixels
uniform float u_lod;   // mip level sampled (3 = 1/8 size)
uniform int u_radius;  // taps either side: 3 blurs, 0 copies
uniform vec4 u_dim;    // mixed over the result (alpha = how much): the lock screen's dimming, made once
in vec2 v_uv;
out vec4 frag_colour;
void main() {
  vec3 sum = vec3(0.0);
  float total = 0.0;
  float step = exp2(u_lod);
  for (int y = -u_radius; y <= u_radius; ++y) {
    for (int x = -u_radius; x <= u_radius; ++x) {
      float w = exp(-float(x * x + y * y) / 6.0);
      sum += w * textureLod(u_board, v_uv + vec2(float(x), float(y)) * u_texel * step, u_lod).rgb;
      total += w;
    }
  }
  frag_colour = vec4(mix(sum / total, u_dim.rgb, u_dim.a), 1.0);
}
