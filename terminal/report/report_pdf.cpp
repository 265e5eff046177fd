// The commissioner report as a PDF (cairo, A4 portrait): title, team and period, the compliance
// table with state words and shapes (never colour alone) and a weekly sparkline per measure, the
// outcome figures with bar charts, then every definition and source. cairo comes from the PDF plugin
// (cairo_api.hpp): a missing plugin is an error naming it and where it was looked for.
#include "report/commissioner_report.hpp"

#include "report/cairo_api.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vb::report {

namespace {

// cairo through the PDF plugin, loaded by the first PDF.
const CairoApi& cx() { return cairo_api(); }

constexpr double page_w = 595.28, page_h = 841.89, margin = 48;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Rgb {
  double r, g, b;
};
constexpr Rgb ink{0.1, 0.12, 0.15}, muted{0.38, 0.4, 0.45}, rule_grey{0.8, 0.82, 0.85}, bar{0.22, 0.42, 0.66},
    target_ink{0.1, 0.1, 0.1}, red{0.75, 0.15, 0.12}, amber{0.85, 0.55, 0.05}, green{0.15, 0.5, 0.25};

class Writer {
 public:
  Writer(cairo_t* cr, const Report& r) : cr_(cr), report_(r) { page_start(); }

  void colour(Rgb c) { cx().cairo_set_source_rgb(cr_, c.r, c.g, c.b); }
  void font(double size, bool bold = false) {
    cx().cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cx().cairo_set_font_size(cr_, size);
  }
  double width_of(const std::string& s) {
    cairo_text_extents_t e;
    cx().cairo_text_extents(cr_, s.c_str(), &e);
    return e.x_advance;
  }
  void text(double x, double y, const std::string& s) {
    cx().cairo_move_to(cr_, x, y);
    cx().cairo_show_text(cr_, s.c_str());
  }
  void text_right(double x, double y, const std::string& s) { text(x - width_of(s), y, s); }
  // Greedy word wrap; returns the lines.
  std::vector<std::string> wrap(const std::string& s, double width) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
      if (word.empty()) return;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && width_of(candidate) > width) {
        lines.push_back(line);
        line = word;
      } else {
        line = candidate;
      }
      word.clear();
    };
    for (char c : s) {
      if (c == ' ') flush_word();
      else word += c;
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    return lines;
  }
  // Starts a new page when fewer than `h` points are left.
  void need(double h) {
    if (y + h <= page_h - margin) return;
    footer();
    cx().cairo_show_page(cr_);
    page_start();
  }
  void heading(const std::string& s) {
    need(60);
    y += 14;
    font(14, true);
    colour(ink);
    text(margin, y, s);
    y += 8;
    colour(rule_grey);
    cx().cairo_rectangle(cr_, margin, y, page_w - 2 * margin, 1);
    cx().cairo_fill(cr_);
    y += 16;
  }
  void state_mark(double x, double y_mid, const std::string& state) {
    // Shape and word both carry the state: circle on target, triangle near, square off, dash no data.
    const double s = 4.5;
    if (state == "green") {
      colour(green);
      cx().cairo_arc(cr_, x + s, y_mid, s, 0, 2 * M_PI);
      cx().cairo_fill(cr_);
    } else if (state == "amber") {
      colour(amber);
      cx().cairo_move_to(cr_, x + s, y_mid - s);
      cx().cairo_line_to(cr_, x + 2 * s, y_mid + s);
      cx().cairo_line_to(cr_, x, y_mid + s);
      cx().cairo_close_path(cr_);
      cx().cairo_fill(cr_);
    } else if (state == "red") {
      colour(red);
      cx().cairo_rectangle(cr_, x, y_mid - s, 2 * s, 2 * s);
      cx().cairo_fill(cr_);
    } else {
      colour(muted);
      cx().cairo_rectangle(cr_, x, y_mid - 0.75, 2 * s, 1.5);
      cx().cairo_fill(cr_);
    }
    font(8.5);
    colour(ink);
    text(x + 2 * s + 4, y_mid + 3, state == "green" ? "On target" : state == "amber" ? "Near target" : state == "red" ? "Off target" : "No data");
  }
  void sparkline(double x, double y_top, double w, double h, const ReportRow& row) {
    const size_t n = row.weekly.size();
    if (n < 2) return;
    double hi = row.unit == "share" ? 1.0 : 0;
    for (size_t i = 0; i < n; ++i) hi = std::max(hi, row.weekly[i]);
    if (row.target) hi = std::max(hi, *row.target);
    if (hi <= 0) hi = 1;
    auto px = [&](size_t i) { return x + w * static_cast<double>(i) / static_cast<double>(n - 1); };
    auto py = [&](double v) { return y_top + h - h * v / hi; };
    if (row.target) {
      colour(rule_grey);
      cx().cairo_set_line_width(cr_, 0.8);
      cx().cairo_move_to(cr_, x, py(*row.target));
      cx().cairo_line_to(cr_, x + w, py(*row.target));
      cx().cairo_stroke(cr_);
    }
    colour(bar);
    cx().cairo_set_line_width(cr_, 1.3);
    bool pen = false;
    for (size_t i = 0; i < n; ++i) {
      if (!row.weekly_has_data[i]) {
        pen = false;
        continue;
      }
      if (pen) cx().cairo_line_to(cr_, px(i), py(row.weekly[i]));
      else cx().cairo_move_to(cr_, px(i), py(row.weekly[i]));
      pen = true;
    }
    cx().cairo_stroke(cr_);
    for (size_t i = 0; i < n; ++i)
      if (row.weekly_has_data[i]) {
        cx().cairo_arc(cr_, px(i), py(row.weekly[i]), 1.4, 0, 2 * M_PI);
        cx().cairo_fill(cr_);
      }
  }
  // Horizontal bars: label, bar, count.
  void bars(const std::vector<std::pair<std::string, double>>& items, const std::string& unit) {
    double hi = 0;
    for (const auto& [label, v] : items) hi = std::max(hi, v);
    if (hi <= 0) hi = 1;
    const double label_w = 150, bar_w = page_w - 2 * margin - label_w - 70;
    for (const auto& [label, v] : items) {
      need(18);
      font(9.5);
      colour(ink);
      text(margin, y + 10, label);
      colour(bar);
      cx().cairo_rectangle(cr_, margin + label_w, y + 2, std::max(1.0, bar_w * v / hi), 11);
      cx().cairo_fill(cr_);
      colour(ink);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g %s", v, v == 1 && unit.size() > 1 && unit.back() == 's' ? unit.substr(0, unit.size() - 1).c_str() : unit.c_str());
      text(margin + label_w + bar_w * v / hi + 6, y + 11, buf);
      y += 17;
    }
  }
  void footer() {
    font(8);
    colour(muted);
    text(margin, page_h - 24, report_.team + " · " + format_date(report_.from) + " to " + format_date(report_.to));
    text_right(page_w - margin, page_h - 24, "Page " + std::to_string(page_));
  }
  void finish() { footer(); }

  double y = margin;

 private:
  void page_start() {
    ++page_;
    y = margin;
  }
  cairo_t* cr_;
  const Report& report_;
  int page_ = 0;
};

void compliance_table(Writer& w, const Report& r) {
  w.heading("Compliance");
  const double x_fig = 300, x_target = 360, x_state = 380, x_spark = 460, spark_w = page_w - margin - x_spark;
  w.font(8.5, true);
  w.colour(muted);
  w.text(margin, w.y, "Measure");
  w.text_right(x_fig, w.y, "Figure");
  w.text_right(x_target + 8, w.y, "Target");
  w.text(x_state + 8, w.y, "State");
  w.text(x_spark, w.y, "Weekly trend");
  w.y += 12;
  std::string group;
  for (const auto& row : r.rows) {
    if (row.group == "Outcomes") continue;
    if (row.group != group) {
      group = row.group;
      w.need(34);
      w.font(9.5, true);
      w.colour(ink);
      w.y += 6;
      w.text(margin, w.y + 8, group);
      w.y += 14;
    }
    w.need(24);
    w.font(9.5);
    w.colour(ink);
    w.text(margin + 8, w.y + 10, row.label);
    w.font(9.5, true);
    w.text_right(x_fig, w.y + 10, format_value(row));
    w.font(7.5);
    w.colour(muted);
    char buf[64];
    if (row.denominator > 0 && row.unit != "count")
      std::snprintf(buf, sizeof buf, "%g of %g", row.numerator, row.denominator);
    else
      std::snprintf(buf, sizeof buf, "of %g", row.denominator);
    w.text_right(x_fig, w.y + 19, buf);
    ReportRow target = row;
    target.value = row.target.value_or(0);
    target.denominator = 1;
    w.font(9.5);
    w.colour(ink);
    w.text_right(x_target + 8, w.y + 10, format_value(target));
    w.state_mark(x_state + 8, w.y + 7, row.state);
    w.sparkline(x_spark, w.y, spark_w, 16, row);
    w.y += 24;
  }
  w.font(7.5);
  w.colour(muted);
  w.need(14);
  w.text(margin, w.y + 4,
         "State is shown by word and shape: circle on target, triangle near target, square off target. Trend: one point "
         "a week, grey line = target.");
  w.y += 14;
}

void outcome_section(Writer& w, const Report& r) {
  w.heading("Outcomes");
  for (const auto& row : r.rows) {
    if (row.group != "Outcomes" || row.measure.rfind("closure-destination-", 0) == 0) continue;
    w.need(16);
    w.font(9.5);
    w.colour(ink);
    w.text(margin + 8, w.y + 10, row.label);
    w.font(9.5, true);
    w.text_right(400, w.y + 10, format_value(row));
    w.font(8);
    w.colour(muted);
    if (row.unit == "share") {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g of %g", row.numerator, row.denominator);
      w.text(412, w.y + 10, buf);
    }
    w.y += 16;
  }
  if (r.outcomes.re_presentation_30d.pending || r.outcomes.re_presentation_90d.pending) {
    w.font(8);
    w.colour(muted);
    w.need(14);
    w.text(margin + 8, w.y + 8,
           std::to_string(r.outcomes.re_presentation_30d.pending) + " closures under 30 days old and " +
               std::to_string(r.outcomes.re_presentation_90d.pending) +
               " under 90 days old are pending: their windows have not ended.");
    w.y += 14;
  }

  w.need(120);
  w.y += 10;
  w.font(11, true);
  w.colour(ink);
  w.text(margin, w.y + 8, "Where people went at closure");
  w.y += 18;
  std::vector<std::pair<std::string, double>> dest;
  for (const auto& d : r.outcomes.destinations)
    dest.emplace_back(d.name.empty() ? "not recorded" : d.name, static_cast<double>(d.episodes.size()));
  if (dest.empty()) {
    w.font(9.5);
    w.text(margin, w.y + 8, "No episodes closed in the period.");
    w.y += 14;
  }
  w.bars(dest, "episodes");

  w.need(140);
  w.y += 10;
  w.font(11, true);
  w.colour(ink);
  w.text(margin, w.y + 8, "Length of episodes closed in the period");
  w.y += 18;
  std::vector<std::pair<std::string, double>> weeks(7);
  for (int i = 0; i < 6; ++i) weeks[static_cast<size_t>(i)] = {std::to_string(7 * i) + "-" + std::to_string(7 * i + 6) + " days", 0};
  weeks[6] = {"42 days or more", 0};
  for (int d : r.outcomes.length.days) weeks[static_cast<size_t>(std::min(6, std::max(0, d / 7)))].second += 1;
  w.bars(weeks, "episodes");
}

void definitions(Writer& w, const Report& r) {
  w.heading("Definitions and sources");
  for (const auto& row : r.rows) {
    w.font(8.5);
    auto lines = w.wrap(row.definition, page_w - 2 * margin - 8);
    auto source = w.wrap("Source: " + row.source, page_w - 2 * margin - 8);
    w.need(14 + 11.0 * static_cast<double>(lines.size() + source.size()) + 6);
    w.font(9.5, true);
    w.colour(ink);
    w.text(margin, w.y + 10, row.label + "  (" + row.measure + ")");
    w.y += 14;
    w.font(8.5);
    for (const auto& l : lines) {
      w.text(margin + 8, w.y + 9, l);
      w.y += 11;
    }
    w.colour(muted);
    for (const auto& l : source) {
      w.text(margin + 8, w.y + 9, l);
      w.y += 11;
    }
    w.y += 6;
  }
}

}  // namespace

std::string report_pdf(const Report& r) {
  std::string bytes;
  cairo_surface_t* surface = cx().cairo_pdf_surface_create_for_stream(append, &bytes, page_w, page_h);
  cx().cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, ("Compliance and outcomes: " + r.team).c_str());
  cx().cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "visitboard");
  cairo_t* cr = cx().cairo_create(surface);
  {
    Writer w(cr, r);
    w.font(20, true);
    w.colour(ink);
    w.text(margin, w.y + 14, "Compliance and outcomes report");
    w.y += 34;
    w.font(12);
    w.text(margin, w.y, r.team);
    w.y += 18;
    w.font(10.5);
    w.colour(muted);
    w.text(margin, w.y,
           "Period: " + format_day_label(r.from) + " " + std::to_string(static_cast<int>(r.from.year())) + " to " +
               format_day_label(r.to) + " " + std::to_string(static_cast<int>(r.to.year())) + " (" + format_date(r.from) +
               " to " + format_date(r.to) + ", local dates, " + r.time_zone + ")");
    w.y += 15;
    w.text(margin, w.y, "Generated " + format_utc(r.generated) + " by visitboard from the team's records.");
    if (r.demo) {
      w.y += 15;
      w.text(margin, w.y, "Demo database: synthetic people and figures.");
    }
    w.y += 10;
    compliance_table(w, r);
    outcome_section(w, r);
    definitions(w, r);
    w.finish();
  }
  cx().cairo_show_page(cr);
  cx().cairo_destroy(cr);
  cx().cairo_surface_finish(surface);
  const cairo_status_t status = cx().cairo_surface_status(surface);
  cx().cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cx().cairo_status_to_string(status));
  return bytes;
}

}  // namespace vb::report
