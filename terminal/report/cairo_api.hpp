#pragma once
// The cairo functions the PDF report calls, as a table filled by the PDF plugin (visitboard-pdf.so,
// pdf_plugin.cpp). The rest of visitboard includes only cairo's headers, so a kiosk maps cairo and its
// dependencies (~1.2 MiB) only when a PDF is asked for.
#include <cairo-pdf.h>
#include <cairo.h>

#define VB_CAIRO_FUNCTIONS(X)                                                                                   \
  X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_set_metadata) X(cairo_create) X(cairo_destroy)     \
  X(cairo_show_page) X(cairo_surface_finish) X(cairo_surface_status) X(cairo_surface_destroy)                   \
  X(cairo_status_to_string) X(cairo_set_source_rgb) X(cairo_select_font_face) X(cairo_set_font_size)            \
  X(cairo_text_extents) X(cairo_move_to) X(cairo_show_text) X(cairo_line_to) X(cairo_close_path) X(cairo_arc)  \
  X(cairo_rectangle) X(cairo_fill) X(cairo_stroke) X(cairo_set_line_width)

namespace vb::report {

inline constexpr unsigned cairo_api_version = 1;
inline constexpr const char* pdf_plugin_file = "visitboard-pdf.so";
inline constexpr const char* pdf_plugin_entry = "vb_cairo_api_v1";  // const CairoApi* ()

struct CairoApi {
  unsigned version;
  unsigned size;  // sizeof(CairoApi) where the plugin was built
#define VB_CAIRO_MEMBER(f) decltype(&::f) f;
  VB_CAIRO_FUNCTIONS(VB_CAIRO_MEMBER)
#undef VB_CAIRO_MEMBER
};

// The table, loading the plugin on first use. Throws plugin::PluginError (a std::runtime_error) naming
// the plugin and where it looked when it is missing, broken or from another version.
const CairoApi& cairo_api();

}  // namespace vb::report
