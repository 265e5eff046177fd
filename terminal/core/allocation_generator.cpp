// The benchmark's instance generator (see allocation.md in the project notes for the figures).
#include "core/allocation_generator.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <string>

namespace vb {
namespace {

struct Draw {
  std::mt19937_64 rng;
  explicit Draw(std::uint64_t seed) : rng(seed) {}
  // Integer draws only: the standard distributions differ between standard libraries.
  long long between(long long lo, long long hi) { return lo + static_cast<long long>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool percent(int p) { return between(0, 99) < p; }
  // Roughly normal metres with sigma ~ s (sum of four uniforms).
  double normal_km(int sigma_m) {
    const long long a = sigma_m * 866 / 1000;
    long long sum = 0;
    for (int i = 0; i < 4; ++i) sum += between(-a, a);
    return static_cast<double>(sum) / 1000.0;
  }
  std::pair<double, double> in_disc(int radius_m) {
    for (;;) {
      const long long x = between(-radius_m, radius_m), y = between(-radius_m, radius_m);
      if (x * x + y * y <= static_cast<long long>(radius_m) * radius_m) return {x / 1000.0, y / 1000.0};
    }
  }
};

std::string staff_id(int team, int k) {
  std::string t = std::to_string(team), s = std::to_string(k);
  return "T" + std::string(t.size() < 2 ? 1 : 0, '0') + t + "-S" + std::string(s.size() < 2 ? 1 : 0, '0') + s;
}

const char* const given_names[] = {"Sam", "Alex", "Priya", "Tom", "Jo", "Kemi", "Rhys", "Mei", "Dan", "Ola",
                                   "Beth", "Omar", "Lucy", "Ravi", "Nia", "Ewan", "Zara", "Ian", "Ana", "Luke"};

}  // namespace

AllocationProblem generate_team_instance(const TeamInstanceSpec& spec, LocalDate day, std::uint64_t seed) {
  Draw d(seed * 1000003ULL + static_cast<std::uint64_t>(spec.team));
  const Zone zone = find_zone(default_team_zone);
  AllocationProblem p;
  p.seed = seed;
  auto at = [&](int minute_of_day) {
    return local_day_time(day, std::chrono::minutes{minute_of_day}, zone);
  };

  // The team's roster (named workers and recent visitors come from all of it, not only today's shift).
  const int roster = 20;
  // Staff on shift: RMN ~50%, support workers ~25%, prescribers ~10%, OT/SW ~15%.
  struct ShiftTimes {
    int count, from, to;
  };
  const ShiftTimes shifts[] = {{spec.early, 8 * 60, 16 * 60},
                               {spec.late, 13 * 60 + 30, 21 * 60 + 30},
                               {spec.twilight, 17 * 60, 23 * 60},
                               {spec.night, 21 * 60, 24 * 60 + 7 * 60 + 30}};
  int k = 0;
  for (const auto& sh : shifts)
    for (int i = 0; i < sh.count; ++i, ++k) {
      AllocationStaff s;
      s.id = staff_id(spec.team, k + 1);
      s.name = given_names[(k + spec.team) % 20];
      s.shift_start = at(sh.from);
      s.shift_end = at(sh.to);
      const long long role = d.between(0, 99);
      if (&sh == &shifts[3]) {
        s.skills = {"trained", "lone_working"};  // nights are trained staff
      } else if (role < 50) {
        s.skills = {"trained", "lone_working"};
      } else if (role < 75) {
        s.skills = {"support_worker", "lone_working"};
      } else if (role < 85) {
        s.skills = {"trained", "prescriber", "lone_working"};
      } else {
        s.skills = {"trained", "lone_working"};
      }
      if (d.percent(5)) s.skills.erase(std::remove(s.skills.begin(), s.skills.end(), "lone_working"), s.skills.end());
      s.start_x_km = spec.centre_x_km;  // the team base
      s.start_y_km = spec.centre_y_km;
      s.capacity_visits = 0;
      p.staff.push_back(std::move(s));
    }

  // Homes: ~70% in 3-5 town clusters (sigma 1.5 km), the rest uniform in a 12 km disc.
  const int clusters = static_cast<int>(d.between(3, 5));
  std::vector<std::pair<double, double>> towns;
  for (int c = 0; c < clusters; ++c) towns.push_back(d.in_disc(9000));
  for (int i = 0; i < spec.visits; ++i) {
    AllocationVisit v;
    v.id = spec.team * 1000 + i + 1;
    if (d.percent(70)) {
      const auto& t = towns[static_cast<size_t>(d.between(0, clusters - 1))];
      v.x_km = t.first + d.normal_km(1500);
      v.y_km = t.second + d.normal_km(1500);
    } else {
      auto [x, y] = d.in_disc(12000);
      v.x_km = x;
      v.y_km = y;
    }
    v.x_km += spec.centre_x_km;
    v.y_km += spec.centre_y_km;
    // Durations 30/45/60 minutes, some 15-20 minute medication drops.
    const long long kind = d.between(0, 99);
    v.duration_min = kind < 10 ? static_cast<int>(d.between(15, 20)) : kind < 45 ? 30 : kind < 80 ? 45 : 60;
    const long long risk = d.between(0, 99);
    v.risk_weight = risk < 30 ? 1 : risk < 75 ? 2 : 3;
    if (v.risk_weight == 3) v.required_skills.push_back("trained");
    if (d.percent(5)) v.required_skills.push_back("prescriber");
    v.double_up = spec.night_visits || d.percent(15);
    const int span = spec.last_start_min - spec.first_start_min;
    const int start = spec.first_start_min + static_cast<int>(d.between(0, span / 15)) * 15;
    if (v.double_up) {
      v.earliest_start = v.latest_start = at(start);
    } else {
      const long long w = d.between(0, 99);
      if (w < 35) {  // part of the day: a 4-hour window
        const int from = std::max(spec.first_start_min, start - 120);
        v.earliest_start = at(from);
        v.latest_start = at(std::min(from + 240, spec.last_start_min + 30) - v.duration_min);
        if (v.latest_start < v.earliest_start) v.latest_start = v.earliest_start;
      } else if (w < 75) {  // a 2-hour slot
        v.earliest_start = at(start);
        v.latest_start = at(start + 120 - v.duration_min);
      } else {  // fixed, +-15 minutes
        v.earliest_start = at(std::max(0, start - 15));
        v.latest_start = at(start + 15);
      }
    }
    v.named_worker = staff_id(spec.team, static_cast<int>(d.between(1, roster)));
    const int seen = static_cast<int>(d.between(0, 3));
    for (int j = 0; j < seen; ++j) v.seen_last_7_days.push_back(staff_id(spec.team, static_cast<int>(d.between(1, roster))));
    v.label = "visit " + std::to_string(v.id);
    p.visits.push_back(std::move(v));
  }
  return p;
}

AllocationProblem generate_team_evening(LocalDate day, std::uint64_t seed, bool overloaded) {
  TeamInstanceSpec s;
  s.team = 1;
  Draw d(seed);
  // ~15 visits for 3-4 staff: a load of about 0.75-0.9 of their evening minutes once travel is counted.
  s.visits = overloaded ? 20 : static_cast<int>(d.between(13, 16));
  s.late = 2;
  s.twilight = overloaded ? 1 : s.visits >= 15 ? 2 : static_cast<int>(d.between(1, 2));
  s.first_start_min = 17 * 60;
  s.last_start_min = 21 * 60 + 30;
  return generate_team_instance(s, day, seed);
}

AllocationProblem generate_team_day(LocalDate day, std::uint64_t seed) {
  TeamInstanceSpec s;
  s.team = 1;
  s.visits = 50;
  s.early = 6;
  s.late = 5;
  s.twilight = 1;
  s.first_start_min = 8 * 60 + 30;
  s.last_start_min = 21 * 60;
  return generate_team_instance(s, day, seed);
}

std::vector<AllocationProblem> generate_trust(LocalDate day, std::uint64_t seed) {
  std::vector<AllocationProblem> out;
  AllocationProblem night;
  night.seed = seed;
  Draw d(seed);
  for (int t = 1; t <= 15; ++t) {
    // Team bases on a 5 x 3 grid, 20 km apart.
    const double cx = ((t - 1) % 5) * 20.0, cy = ((t - 1) / 5) * 20.0;
    TeamInstanceSpec s;
    s.team = t;
    s.centre_x_km = cx;
    s.centre_y_km = cy;
    s.visits = static_cast<int>(d.between(44, 56));
    s.early = static_cast<int>(d.between(5, 7));
    s.late = static_cast<int>(d.between(4, 6));
    s.twilight = 1;
    s.first_start_min = 8 * 60 + 30;
    s.last_start_min = 21 * 60;
    out.push_back(generate_team_instance(s, day, seed));
    TeamInstanceSpec n;
    n.team = 100 + t;
    n.centre_x_km = cx;
    n.centre_y_km = cy;
    n.visits = static_cast<int>(d.between(0, 2));
    n.night = 2;
    n.first_start_min = 21 * 60 + 30;
    n.last_start_min = 24 * 60 + 5 * 60;
    n.night_visits = true;
    AllocationProblem part = generate_team_instance(n, day, seed);
    for (auto& v : part.visits) night.visits.push_back(std::move(v));
    for (auto& st : part.staff) night.staff.push_back(std::move(st));
  }
  out.push_back(std::move(night));
  return out;
}

}  // namespace vb
