// The demo team's staff and people: obviously synthetic names, synthetic NHS numbers (999...) and
// homes spread over a catchment of a few towns. Never a real person's data.
#include "core/demo_detail.hpp"
#include "core/nhs_number.hpp"

#include <string_view>

namespace vb::demo {
namespace {

// One given name per initial letter, so staff initials are unique whatever the shuffle.
constexpr std::array<std::string_view, 22> staff_given{
    "Alex", "Bailey", "Casey", "Dana",  "Ellis",  "Frankie", "Georgie", "Harley", "Indigo", "Jesse", "Kai",
    "Lee",  "Morgan", "Nico",  "Ollie", "Parker", "Quinn",   "Remy",    "Sasha",  "Tyler",  "Uri",   "Val"};
constexpr std::array<std::string_view, 22> staff_places{
    "Ashford", "Brookes", "Carrow",  "Dunmore", "Elmsley", "Fenwick", "Garside", "Holloway",
    "Ingram",  "Jessop",  "Kirkby",  "Lowther", "Marden",  "Norland", "Oakham",  "Pendle",
    "Quarry",  "Redfern", "Stanway", "Thornby", "Upton",   "Verney"};

constexpr std::array<std::string_view, 40> person_given{
    "Aster", "Bryn", "Cal",   "Darcy", "Eli",    "Fern",  "Gale",  "Hollis", "Ira",   "Jude",
    "Kes",   "Lark", "Marlo", "Nell",  "Oren",   "Piper", "Reese", "Rowan",  "Sol",   "Tam",
    "Wren",  "Yara", "Zeph",  "Ash",   "Briar",  "Cove",  "Dale",  "Emrys",  "Flint", "Greer",
    "Haven", "Isla", "Jory",  "Kit",   "Linden", "Moss",  "Nova",  "Pax",    "Rain",  "Sky"};
constexpr std::array<std::string_view, 40> person_family{
    "Testwood",  "Sampleby",   "Mockridge", "Placeholt", "Fictonby",   "Exampleford", "Dummersley", "Synthwaite",
    "Madeupton", "Pretendale", "Notrealby", "Demoworth", "Trialcombe", "Specimore",   "Proxley",    "Stubbington",
    "Fakenby",   "Imagiford",  "Inventley", "Modelbury", "Draftwell",  "Sketchley",   "Mocksworth", "Testbury",
    "Samplecot", "Fillerby",   "Voidmere",  "Nullham",   "Zerofold",   "Blankley",    "Dottingham", "Quillhaven",
    "Loremby",   "Ipsumford",  "Seedwick",  "Seedham",   "Mersenby",   "Twisterly",   "Hashcombe",  "Byteworth"};

struct StaffRole {
  std::string_view discipline;
  std::array<std::string_view, 4> skills;  // empty strings are unused slots
};

// Order fixes the ids: S01 manager, S02-S03 senior practitioners, S04-S12 nurses, ... S22 specialty doctor.
constexpr std::array<StaffRole, 22> roles{{
    {"manager", {"trained", "driver", "", ""}},
    {"senior_practitioner", {"trained", "senior_reviewer", "driver", "lone_working"}},
    {"senior_practitioner", {"trained", "senior_reviewer", "lone_working", ""}},
    {"nurse", {"trained", "lone_working", "driver", ""}},
    {"nurse", {"trained", "lone_working", "", ""}},
    {"nurse", {"trained", "lone_working", "driver", ""}},
    {"nurse", {"trained", "lone_working", "driver", ""}},
    {"nurse", {"trained", "driver", "", ""}},
    {"nurse", {"trained", "lone_working", "driver", ""}},
    {"nurse", {"trained", "lone_working", "", ""}},
    {"nurse", {"trained", "lone_working", "driver", ""}},
    {"nurse", {"trained", "driver", "", ""}},
    {"social_worker", {"trained", "lone_working", "driver", ""}},
    {"occupational_therapist", {"trained", "lone_working", "driver", ""}},
    {"non_medical_prescriber", {"trained", "prescriber", "lone_working", "driver"}},
    {"support_worker", {"driver", "lone_working", "", ""}},
    {"support_worker", {"driver", "", "", ""}},
    {"support_worker", {"lone_working", "", "", ""}},
    {"support_worker", {"driver", "", "", ""}},
    {"peer_support_worker", {"", "", "", ""}},
    {"consultant", {"trained", "prescriber", "senior_reviewer", ""}},
    {"specialty_doctor", {"trained", "prescriber", "", ""}},
}};

template <size_t N>
void shuffle(std::array<std::string_view, N>& items, Rng& rng) {
  for (size_t i = N - 1; i > 0; --i) {
    auto j = static_cast<size_t>(rng.uniform(0, static_cast<std::int64_t>(i)));
    std::swap(items[i], items[j]);
  }
}

bool in_disc(std::int64_t x, std::int64_t y, std::int64_t radius) { return x * x + y * y <= radius * radius; }

std::array<int, 2> uniform_in_disc(Rng& rng, int radius_m) {
  for (;;) {
    auto x = rng.uniform(-radius_m, radius_m);
    auto y = rng.uniform(-radius_m, radius_m);
    if (in_disc(x, y, radius_m)) return {static_cast<int>(x), static_cast<int>(y)};
  }
}

// The sum of three uniform draws in [-a, a] has standard deviation a: a town of sigma about 1.5 km.
int town_offset(Rng& rng) {
  constexpr int a = 1500;
  return static_cast<int>(rng.uniform(-a, a) + rng.uniform(-a, a) + rng.uniform(-a, a));
}

}  // namespace

bool is_case_holder(const Staff& s) {
  return s.discipline == "senior_practitioner" || s.discipline == "nurse" || s.discipline == "social_worker" ||
         s.discipline == "occupational_therapist" || s.discipline == "non_medical_prescriber";
}

std::vector<Staff> make_staff(Rng& rng) {
  auto given = staff_given;
  auto places = staff_places;
  shuffle(given, rng);
  shuffle(places, rng);
  // About 30% part-time, drawn among the rota's practitioners (S04-S20).
  std::set<size_t> part_time;
  while (part_time.size() < 7) part_time.insert(static_cast<size_t>(rng.uniform(3, 19)));
  std::vector<Staff> out;
  for (size_t i = 0; i < roles.size(); ++i) {
    Staff s;
    s.id = (i + 1 < 10 ? "S0" : "S") + std::to_string(i + 1);
    s.team_id = team_id;
    s.name = std::string(given[i]) + " Demo-" + std::string(places[i]);
    s.initials = std::string{given[i].front(), places[i].front()};
    s.discipline = std::string(roles[i].discipline);
    for (auto skill : roles[i].skills)
      if (!skill.empty()) s.skills.emplace_back(skill);
    s.part_time = part_time.count(i) > 0;
    s.roles = demo_roles(s);
    out.push_back(std::move(s));
  }
  return out;
}

HomeMap make_home_map(Rng& rng) {
  HomeMap map;
  auto towns = rng.uniform(3, 5);
  for (int i = 0; i < towns; ++i) map.centres_m.push_back(uniform_in_disc(rng, 8000));
  return map;
}

Person make_person(Rng& rng, const HomeMap& homes, LocalDate today, std::set<int>& used_stems) {
  Person p;
  p.team_id = team_id;
  p.given_name = std::string(person_given[static_cast<size_t>(rng.uniform(0, person_given.size() - 1))]);
  p.family_name = std::string(person_family[static_cast<size_t>(rng.uniform(0, person_family.size() - 1))]);
  for (;;) {
    auto stem = static_cast<int>(999000000 + rng.uniform(0, 999999));
    auto digits = std::to_string(stem);
    int check = nhs_check_digit(digits);
    if (check < 0 || used_stems.count(stem)) continue;
    used_stems.insert(stem);
    p.nhs_number = digits + static_cast<char>('0' + check);
    break;
  }
  auto age = static_cast<int>(rng.uniform(18, 84));
  p.date_of_birth = LocalDate{today.year() - date::years{age}, date::month{static_cast<unsigned>(rng.uniform(1, 12))},
                              date::day{static_cast<unsigned>(rng.uniform(1, 28))}};
  std::array<int, 2> home{};
  if (rng.chance(700)) {
    const auto& centre = homes.centres_m[static_cast<size_t>(rng.uniform(0, homes.centres_m.size() - 1))];
    home = {centre[0] + town_offset(rng), centre[1] + town_offset(rng)};
  } else {
    home = uniform_in_disc(rng, 12000);
  }
  p.home_x_km = home[0] / 1000.0;
  p.home_y_km = home[1] / 1000.0;
  return p;
}

}  // namespace vb::demo
