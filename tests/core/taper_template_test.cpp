// Taper templates: readable one-line plans, parsed with errors that say where and what was expected.
#include <doctest/doctest.h>

#include "core/contact_plan.hpp"
#include "core/taper_template.hpp"

#include <fstream>
#include <sstream>

using namespace vb;

TEST_CASE("taper template: the standard taper reads as written") {
  auto f = parse_taper_templates(
      "Standard taper: twice daily 3d (morning, evening) -> daily 7d -> alternate days 7d -> twice weekly (Mon, Thu) 14d "
      "-> handover\n",
      "t.txt");
  REQUIRE_FALSE(f.error);
  REQUIRE(f.templates.size() == 1);
  const auto& t = f.templates[0];
  CHECK(t.name == "Standard taper");
  CHECK(t.ends_in_handover);
  REQUIRE(t.phases.size() == 4);
  CHECK(t.phases[0].visits_per_day == 2);
  CHECK(t.phases[0].length_days == 3);
  CHECK(t.phases[0].windows == std::vector<DayPart>{DayPart::morning, DayPart::evening});
  CHECK(t.phases[0].label == "Twice daily");
  CHECK(t.phases[1].visits_per_day == 1);
  CHECK(t.phases[2].every_n_days == 2);
  CHECK(t.phases[3].per_week == 2);
  CHECK(t.phases[3].weekdays == std::vector<int>{1, 4});
  CHECK(t.phases[3].label == "Twice weekly");
  for (size_t i = 0; i < t.phases.size(); ++i) CHECK(t.phases[i].sequence == static_cast<int>(i) + 1);
  // contact falls phase by phase
  for (size_t i = 0; i + 1 < t.phases.size(); ++i)
    CHECK(contacts_per_week(t.phases[i + 1]) < contacts_per_week(t.phases[i]));
}

TEST_CASE("taper template: options, comments, blank lines and case") {
  auto f = parse_taper_templates("# a comment\n\n  Evening: DAILY 7d (evening) min 30m focus \"evening: distress\" -> every 3 days 9d\r\n",
                                 "t.txt");
  REQUIRE_FALSE(f.error);
  REQUIRE(f.templates.size() == 1);
  CHECK(f.templates[0].phases[0].min_visit_min == 30);
  CHECK(f.templates[0].phases[0].focus == "evening: distress");
  CHECK(f.templates[0].phases[1].every_n_days == 3);
  CHECK_FALSE(f.templates[0].ends_in_handover);
}

TEST_CASE("taper template: formatting and parsing again gives the same plan") {
  auto f = parse_taper_templates(
      "A: three times daily 2d (morning, afternoon, evening) min 45m -> 3 per week (Mon, Wed, Fri) 14d (afternoon) focus "
      "\"x\" -> weekly (Sun) 7d -> handover\n",
      "t.txt");
  REQUIRE_FALSE(f.error);
  auto again = parse_taper_templates(format_template(f.templates[0]), "t.txt");
  REQUIRE_FALSE(again.error);
  CHECK(format_template(again.templates[0]) == format_template(f.templates[0]));
  CHECK(again.templates[0].phases[1].weekdays == std::vector<int>{1, 3, 5});
}

TEST_CASE("taper template: a line that fits but whose standard form would not is refused at that line") {
  // "every 2 days" is written back as "alternate days" (two characters more a phase): five such
  // phases in a 1000-character line would save as 1010 characters, which could not be loaded again
  // (found by taper_template_fuzz). Four phases with a 200-character focus, and a fifth whose focus
  // is `last` characters long.
  auto line = [](size_t last) {
    std::string s = "Long:";
    for (int i = 0; i < 4; ++i) s += std::string(i ? " -> " : " ") + "every 2 days 1d focus \"" + std::string(200, 'x') + "\"";
    return s + " -> every 2 days 1d focus \"" + std::string(last, 'y') + "\"";
  };
  const size_t fixed = line(0).size();
  const std::string fits = line(990 - fixed);   // saved as 1000 characters
  const std::string over = line(1000 - fixed);  // saved as 1010
  REQUIRE(fits.size() == 990);
  REQUIRE(over.size() == max_template_line_length);
  auto ok = parse_taper_templates("Short: daily 7d\n" + fits + "\n", "t.txt");
  REQUIRE_FALSE(ok.error);
  CHECK(format_template(ok.templates[1]).size() == 1000);
  CHECK_FALSE(parse_taper_templates(format_template(ok.templates[1]), "t.txt").error);

  auto bad = parse_taper_templates("Short: daily 7d\n" + over + "\n", "t.txt");
  REQUIRE(bad.error);
  CHECK(bad.templates.empty());
  CHECK(bad.error->line == 2);
  CHECK(bad.error->column == 1);
  CHECK(bad.error->message.find("'Long' in its standard form (as it is saved) has 1010 characters") != std::string::npos);
}

TEST_CASE("taper template: an error names file, line and column and what was expected; nothing is loaded") {
  struct Case {
    const char* text;
    int line, column;
    const char* expected;
  };
  const Case cases[] = {
      {"Good: daily 7d\nBad: dayly 7d\n", 2, 6, "expected a frequency"},
      {"Bad: daily 7\n", 1, 13, "expected 'd' right after the number"},
      {"Bad: daily d7\n", 1, 12, "the length of the phase in days"},
      {"Bad: twice weekly 14d\n", 1, 19, "expected '(' and the weekday"},
      {"Bad: twice weekly (Mon) 14d\n", 1, 23, "2 visits a week need 2 weekdays, found 1"},
      {"Bad: twice weekly (Mon, Mnd) 14d\n", 1, 25, "expected a weekday"},
      {"Bad: twice daily 3d (morning, evening, afternoon)\n", 1, 49, "one for each of the 2 visits"},
      {"Bad: daily 7d -> \n", 1, 18, "expected a frequency"},
      {"Bad: daily 7d daily 3d\n", 1, 15, "expected '->'"},
      {"Bad: handover\n", 1, 14, "at least one phase"},
      {"Bad: daily 7d -> handover -> daily 3d\n", 1, 27, "the end of the line after 'handover'"},
      {"no colon here\n", 1, 14, "found no ':'"},
      {"Bad: daily 400d\n", 1, 12, "between 1 and 365, found 400"},
      {"Bad: daily 7d focus \"open\n", 1, 22, "closing '\"'"},
      {"A: daily 7d\nA: daily 3d\n", 2, 1, "already defined on line 1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto f = parse_taper_templates(c.text, "data/taper_templates.txt");
    REQUIRE(f.error);
    CHECK(f.templates.empty());
    CHECK(f.error->line == c.line);
    CHECK(f.error->column == c.column);
    CHECK(f.error->text().find(c.expected) != std::string::npos);
    CHECK(f.error->text().rfind("data/taper_templates.txt:" + std::to_string(c.line) + ":", 0) == 0);
  }
}

TEST_CASE("taper template: the shipped file loads and every template tapers down") {
  std::ifstream in(std::string(VB_SOURCE_DIR) + "/data/taper_templates.txt");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto f = parse_taper_templates(text.str(), "taper_templates.txt");
  INFO((f.error ? f.error->text() : ""));
  REQUIRE_FALSE(f.error);
  CHECK(f.templates.size() >= 3);
  CHECK(f.templates[0].name == "Standard taper");
  for (const auto& t : f.templates)
    for (size_t i = 0; i + 1 < t.phases.size(); ++i)
      CHECK(contacts_per_week(t.phases[i + 1]) <= contacts_per_week(t.phases[i]));
}

TEST_CASE("taper template: oversized input is refused, not held") {
  std::string huge(5000, 'a');
  auto f = parse_taper_templates("A: daily 7d " + huge + "\n", "t.txt");
  REQUIRE(f.error);
  CHECK(f.error->message.find("at most 1000 characters") != std::string::npos);
  std::string many;
  for (int i = 0; i < 25; ++i) many += (i ? " -> " : "") + std::string("daily 1d");
  f = parse_taper_templates("A: " + many + "\n", "t.txt");
  REQUIRE(f.error);
  CHECK(f.error->message.find("at most 20 phases") != std::string::npos);
}
