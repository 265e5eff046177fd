#pragma once
// Taper templates: a contact plan written as one readable line, e.g.
//   Standard taper: twice daily 3d (morning, evening) -> daily 7d -> alternate days 7d -> twice weekly (Mon, Thu) 14d -> handover
// The grammar is documented in data/taper_templates.md. A file is loaded whole or not at all.
#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct TaperTemplate {
  std::string name;
  std::vector<ContactPhase> phases;  // sequence 1..n, ids 0
  bool ends_in_handover = false;
  int line = 0;  // where it was written
};

// "file:line:column: expected ..., found ..."
struct TemplateError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string text() const;
};

struct TemplateFile {
  std::vector<TaperTemplate> templates;  // empty when error is set: nothing is loaded on error
  std::optional<TemplateError> error;
};

// Limits that keep a hostile file small to hold: at most this many lines, characters a line, phases a template.
inline constexpr int max_template_lines = 1000;
inline constexpr size_t max_template_line_length = 1000;
inline constexpr size_t max_template_phases = 20;

TemplateFile parse_taper_templates(std::string_view text, std::string_view file_name);
// One phase or template back in the file's form (parsing it gives the same phases).
std::string format_phase(const ContactPhase& p);
std::string format_template(const TaperTemplate& t);
// Default label for a phase's frequency: "Twice daily", "Alternate days", "Twice weekly", "Every 3 days".
std::string frequency_label(const ContactPhase& p);
// A plan for an episode from a template, starting on a local date.
ContactPlan plan_from_template(const TaperTemplate& t, LocalDate start);

std::string_view to_string(DayPart p);
std::optional<DayPart> parse_day_part(std::string_view s);

}  // namespace vb
