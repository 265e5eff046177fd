// A small hand-written parser for taper template lines; every error names line, column and what was expected.
#include "core/taper_template.hpp"

#include <array>
#include <cctype>

namespace vb {

std::string TemplateError::text() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::string_view to_string(DayPart p) {
  switch (p) {
    case DayPart::morning: return "morning";
    case DayPart::afternoon: return "afternoon";
    case DayPart::evening: return "evening";
  }
  return "morning";
}

std::optional<DayPart> parse_day_part(std::string_view s) {
  if (s == "morning") return DayPart::morning;
  if (s == "afternoon") return DayPart::afternoon;
  if (s == "evening") return DayPart::evening;
  return std::nullopt;
}

namespace {

constexpr std::array<std::string_view, 7> day_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct Failure {
  int column;
  std::string message;
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A cursor over one line. Words match case-insensitively and only as whole words.
class LineParser {
 public:
  explicit LineParser(std::string_view line) : s_(line) {}

  void skip_spaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
  }
  int column() const { return static_cast<int>(pos_) + 1; }
  bool at_end() {
    skip_spaces();
    return pos_ >= s_.size();
  }
  std::string found() {
    skip_spaces();
    if (pos_ >= s_.size()) return "the end of the line";
    size_t end = pos_ + 1;
    if (is_letter(s_[pos_]) || is_digit(s_[pos_]))
      while (end < s_.size() && (is_letter(s_[end]) || is_digit(s_[end]))) ++end;
    return "'" + std::string(s_.substr(pos_, end - pos_)) + "'";
  }
  [[noreturn]] void fail(const std::string& expected) {
    skip_spaces();
    throw Failure{column(), "expected " + expected + ", found " + found()};
  }

  bool try_word(std::string_view w) {
    skip_spaces();
    if (pos_ + w.size() > s_.size()) return false;
    for (size_t i = 0; i < w.size(); ++i)
      if (lower(s_[pos_ + i]) != lower(w[i])) return false;
    if (pos_ + w.size() < s_.size() && is_letter(s_[pos_ + w.size()])) return false;
    pos_ += w.size();
    return true;
  }
  // Several words separated by spaces ("twice daily"); nothing is consumed unless all match.
  bool try_words(std::initializer_list<std::string_view> words) {
    size_t saved = pos_;
    for (auto w : words)
      if (!try_word(w)) {
        pos_ = saved;
        return false;
      }
    return true;
  }
  bool try_char(char c) {
    skip_spaces();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool try_arrow() {
    skip_spaces();
    if (s_.substr(pos_, 2) == "->") {
      pos_ += 2;
      return true;
    }
    return false;
  }
  bool at_digit() {
    skip_spaces();
    return pos_ < s_.size() && is_digit(s_[pos_]);
  }
  // A whole number in [lo, hi]; `what` names it in the message.
  int number(int lo, int hi, const std::string& what) {
    skip_spaces();
    if (!at_digit()) fail(what + " (a whole number)");
    const int col = column();
    long v = 0;
    while (pos_ < s_.size() && is_digit(s_[pos_])) {
      v = v * 10 + (s_[pos_] - '0');
      if (v > 100000) v = 100000;
      ++pos_;
    }
    if (v < lo || v > hi)
      throw Failure{col, what + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", found " +
                             std::to_string(v)};
    return static_cast<int>(v);
  }
  // A number immediately followed by a unit letter: "7d", "45m".
  int number_with_unit(char unit, int lo, int hi, const std::string& what) {
    int v = number(lo, hi, what);
    if (pos_ >= s_.size() || lower(s_[pos_]) != unit || (pos_ + 1 < s_.size() && is_letter(s_[pos_ + 1]))) {
      throw Failure{column(), std::string("expected '") + unit + "' right after the number (" + what + ", e.g. 7" +
                                  unit + "), found " + found()};
    }
    ++pos_;
    return v;
  }
  std::string quoted(const std::string& what) {
    skip_spaces();
    if (!try_char('"')) fail("'\"' starting " + what);
    size_t end = s_.find('"', pos_);
    if (end == std::string_view::npos) throw Failure{column(), "expected a closing '\"' after " + what + ", found the end of the line"};
    std::string out(s_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return out;
  }
  std::string_view rest() const { return s_.substr(pos_); }
  void advance(size_t n) { pos_ += n; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

int count_weekly(const ContactPhase& p) { return p.per_week; }

void parse_frequency(LineParser& in, ContactPhase& p) {
  if (in.try_words({"twice", "daily"})) p.visits_per_day = 2;
  else if (in.try_words({"three", "times", "daily"})) p.visits_per_day = 3;
  else if (in.try_word("daily")) p.visits_per_day = 1;
  else if (in.try_words({"alternate", "days"})) p.every_n_days = 2;
  else if (in.try_words({"twice", "weekly"})) p.per_week = 2;
  else if (in.try_word("weekly")) p.per_week = 1;
  else if (in.try_word("every")) {
    p.every_n_days = in.number(2, 28, "the number of days between visits");
    if (!in.try_word("days")) in.fail("'days' (as in 'every 3 days')");
  } else if (in.at_digit()) {
    int n = in.number(1, 7, "the number of visits");
    if (in.try_words({"per", "day"})) {
      if (n > 4) throw Failure{in.column(), "at most 4 visits a day can be planned"};
      p.visits_per_day = n;
    } else if (in.try_words({"per", "week"})) {
      p.per_week = n;
    } else {
      in.fail("'per day' or 'per week'");
    }
  } else {
    in.fail("a frequency: 'twice daily', 'three times daily', 'daily', 'N per day', 'alternate days', "
            "'every N days', 'weekly', 'twice weekly' or 'N per week'");
  }
  p.label = frequency_label(p);
}

void parse_weekdays(LineParser& in, ContactPhase& p) {
  if (!in.try_char('(')) {
    in.fail("'(' and the weekday of each of the " + std::to_string(count_weekly(p)) + " visits, e.g. (Mon, Thu)");
  }
  do {
    int col = in.column();
    bool matched = false;
    for (size_t i = 0; i < day_names.size() && !matched; ++i) {
      if (in.try_word(day_names[i])) {
        int day = static_cast<int>(i) + 1;
        for (int d : p.weekdays)
          if (d == day) throw Failure{col, "weekday " + std::string(day_names[i]) + " is named twice"};
        p.weekdays.push_back(day);
        matched = true;
      }
    }
    if (!matched) in.fail("a weekday (Mon, Tue, Wed, Thu, Fri, Sat or Sun)");
  } while (in.try_char(','));
  if (!in.try_char(')')) in.fail("',' or ')' after a weekday");
  if (static_cast<int>(p.weekdays.size()) != p.per_week) {
    throw Failure{in.column() - 1, std::to_string(p.per_week) + " visit" + (p.per_week > 1 ? "s" : "") +
                                       " a week need " + std::to_string(p.per_week) + " weekday" +
                                       (p.per_week > 1 ? "s" : "") + ", found " + std::to_string(p.weekdays.size())};
  }
}

int visits_a_day(const ContactPhase& p) { return p.visits_per_day > 0 ? p.visits_per_day : 1; }

void parse_windows(LineParser& in, ContactPhase& p) {
  do {
    int col = in.column();
    if (in.try_word("morning")) p.windows.push_back(DayPart::morning);
    else if (in.try_word("afternoon")) p.windows.push_back(DayPart::afternoon);
    else if (in.try_word("evening")) p.windows.push_back(DayPart::evening);
    else in.fail("a part of the day (morning, afternoon or evening)");
    (void)col;
  } while (in.try_char(','));
  if (!in.try_char(')')) in.fail("',' or ')' after a part of the day");
  const int n = visits_a_day(p);
  if (p.windows.size() != 1 && static_cast<int>(p.windows.size()) != n) {
    throw Failure{in.column() - 1, "give one part of the day for all visits or one for each of the " +
                                       std::to_string(n) + " visits of a day, found " + std::to_string(p.windows.size())};
  }
}

ContactPhase parse_phase(LineParser& in, int sequence) {
  ContactPhase p;
  p.sequence = sequence;
  parse_frequency(in, p);
  if (p.per_week > 0) parse_weekdays(in, p);
  p.length_days = in.number_with_unit('d', 1, 365, "the length of the phase in days");
  if (in.try_char('(')) parse_windows(in, p);
  for (;;) {
    if (in.try_word("min")) {
      if (p.min_visit_min > 0) in.fail("one 'min' per phase");
      p.min_visit_min = in.number_with_unit('m', 5, 240, "the shortest visit in minutes");
    } else if (in.try_word("focus")) {
      if (!p.focus.empty()) in.fail("one 'focus' per phase");
      p.focus = in.quoted("the focus");
      if (p.focus.empty() || p.focus.size() > 200) throw Failure{in.column(), "a focus has 1 to 200 characters"};
    } else {
      break;
    }
  }
  return p;
}

TaperTemplate parse_line(std::string_view line, int line_no) {
  TaperTemplate t;
  t.line = line_no;
  LineParser in(line);
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    in.skip_spaces();
    throw Failure{static_cast<int>(line.size()) + 1, "expected a name followed by ':' (e.g. 'Standard taper: daily 7d'), found no ':'"};
  }
  std::string_view name = line.substr(0, colon);
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  if (name.empty()) throw Failure{1, "expected the template's name before ':'"};
  if (name.size() > 80) throw Failure{1, "a template's name has at most 80 characters"};
  t.name = std::string(name);
  in.advance(colon + 1);
  do {
    if (in.try_word("handover")) {
      t.ends_in_handover = true;
      if (!in.at_end()) in.fail("the end of the line after 'handover' (it ends the taper)");
      break;
    }
    if (t.phases.size() >= max_template_phases)
      throw Failure{in.column(), "a template has at most " + std::to_string(max_template_phases) + " phases"};
    t.phases.push_back(parse_phase(in, static_cast<int>(t.phases.size()) + 1));
  } while (in.try_arrow());
  if (!in.at_end()) in.fail("'->' and the next phase, 'min', 'focus' or the end of the line");
  if (t.phases.empty()) throw Failure{in.column(), "expected at least one phase before 'handover'"};
  return t;
}

}  // namespace

std::string frequency_label(const ContactPhase& p) {
  if (p.visits_per_day == 1) return "Daily";
  if (p.visits_per_day == 2) return "Twice daily";
  if (p.visits_per_day == 3) return "Three times daily";
  if (p.visits_per_day > 3) return std::to_string(p.visits_per_day) + " per day";
  if (p.every_n_days == 2) return "Alternate days";
  if (p.every_n_days > 2) return "Every " + std::to_string(p.every_n_days) + " days";
  if (p.per_week == 1) return "Weekly";
  if (p.per_week == 2) return "Twice weekly";
  if (p.per_week > 2) return std::to_string(p.per_week) + " per week";
  return "No planned visits";
}

TemplateFile parse_taper_templates(std::string_view text, std::string_view file_name) {
  TemplateFile out;
  int line_no = 0;
  size_t start = 0;
  auto error = [&](int line, int column, std::string message) {
    out.templates.clear();
    out.error = TemplateError{std::string(file_name), line, column, std::move(message)};
    return out;
  };
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_no;
    if (line_no > max_template_lines)
      return error(line_no, 1, "a template file has at most " + std::to_string(max_template_lines) + " lines");
    if (line.size() > max_template_line_length)
      return error(line_no, static_cast<int>(max_template_line_length) + 1,
                   "a line has at most " + std::to_string(max_template_line_length) + " characters");
    for (size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      if (c < 0x20 && c != '\t' && c != '\r') return error(line_no, static_cast<int>(i) + 1, "control characters are not allowed");
    }
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') {
      try {
        TaperTemplate t = parse_line(line, line_no);
        // What loads must write back as one line that loads again: the standard form spells some
        // phases out ("every 2 days" is "alternate days"), so a line near the limit can grow past it.
        if (const size_t standard = format_template(t).size(); standard > max_template_line_length)
          return error(line_no, static_cast<int>(first) + 1,
                       "template '" + t.name + "' in its standard form (as it is saved) has " + std::to_string(standard) +
                           " characters, over the " + std::to_string(max_template_line_length) +
                           " a line may have; shorten its focus text or use fewer phases");
        for (const auto& other : out.templates)
          if (other.name == t.name)
            return error(line_no, static_cast<int>(first) + 1,
                         "template '" + t.name + "' is already defined on line " + std::to_string(other.line));
        out.templates.push_back(std::move(t));
      } catch (const Failure& f) {
        return error(line_no, f.column, f.message);
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::string format_phase(const ContactPhase& p) {
  std::string s;
  if (p.visits_per_day == 1) s = "daily";
  else if (p.visits_per_day == 2) s = "twice daily";
  else if (p.visits_per_day == 3) s = "three times daily";
  else if (p.visits_per_day > 3) s = std::to_string(p.visits_per_day) + " per day";
  else if (p.every_n_days == 2) s = "alternate days";
  else if (p.every_n_days > 2) s = "every " + std::to_string(p.every_n_days) + " days";
  else if (p.per_week == 1) s = "weekly";
  else if (p.per_week == 2) s = "twice weekly";
  else s = std::to_string(p.per_week) + " per week";
  if (p.per_week > 0) {
    s += " (";
    for (size_t i = 0; i < p.weekdays.size(); ++i) {
      if (i) s += ", ";
      int d = p.weekdays[i];
      s += d >= 1 && d <= 7 ? std::string(day_names[static_cast<size_t>(d - 1)]) : "?";
    }
    s += ")";
  }
  s += " " + std::to_string(p.length_days) + "d";
  if (!p.windows.empty()) {
    s += " (";
    for (size_t i = 0; i < p.windows.size(); ++i) s += (i ? ", " : "") + std::string(to_string(p.windows[i]));
    s += ")";
  }
  if (p.min_visit_min > 0) s += " min " + std::to_string(p.min_visit_min) + "m";
  if (!p.focus.empty()) s += " focus \"" + p.focus + "\"";
  return s;
}

std::string format_template(const TaperTemplate& t) {
  std::string s = t.name + ":";
  for (size_t i = 0; i < t.phases.size(); ++i) s += (i ? " -> " : " ") + format_phase(t.phases[i]);
  if (t.ends_in_handover) s += " -> handover";
  return s;
}

ContactPlan plan_from_template(const TaperTemplate& t, LocalDate start) {
  ContactPlan plan;
  plan.name = t.name;
  plan.start_date = start;
  plan.phases = t.phases;
  return plan;
}

}  // namespace vb
