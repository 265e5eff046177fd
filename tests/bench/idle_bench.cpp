// idle_bench: the kiosk against a bare board, on the same machine in the same run
// (/work/shared/performance.md). For each run it starts, one after the other and alone:
//   bare     bare_board --redraw minute (ImGui 1.86 + GLFW, a 30-row table, no visitboard code)
//   team     visitboard run on a demo team database (`visitboard demo --seed 7`)
//   trust    visitboard run on a trust database (15 demo teams, kiosk_bench --trust's builder)
// and measures: start to first frame (fork to READY=1 on $NOTIFY_SOCKET, which visitboard sends
// once its first frame is swapped), then after a warm-up, CPU over a window (utime+stime from
// /proc/<pid>/stat) and Pss/Rss from /proc/<pid>/smaps_rollup at its end. Medians over the runs,
// ratios against the bare board of the same run. A program that prints figures, not a test.
//
// Run (from the build directory, takes ~12 minutes with the defaults):
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./idle_bench
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./idle_bench --short     (1 run, 10 s windows)
// Options: --runs N (3)  --window S (60)  --warmup S (10)  --years N (trust history, 5)
//          --windowed (both at 1280x800 instead of fullscreen)  --dir DIR (/tmp/idle_bench: the
//          databases, kept and reused for 12 hours; --fresh rebuilds them)  --only bare,team,trust
//          (also bare-second, bare-continuous: the bare board redrawing every second / continuously)
//          --before DIR (also run DIR/visitboard, an earlier build with its assets, on the same databases)
#include "trust_scale.hpp"

#include "store/database.hpp"
#include "store/snapshot_writer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct Options {
  int runs = 3;
  double window_s = 60;
  double warmup_s = 10;
  int years = 5;
  bool windowed = false;
  bool fresh = false;
  fs::path dir = "/tmp/idle_bench";
  fs::path before;  // --before DIR: also run DIR/visitboard (an earlier build) as team-before, trust-before
  std::vector<std::string> only{"bare", "team", "trust"};
};

struct Subject {
  std::string name;
  std::vector<std::string> argv;
};

struct Sample {
  double start_ms = -1;  // -1: never signalled READY
  double cpu_percent = 0;
  long cpu_ticks = 0;
  double pss_mib = 0, rss_mib = 0, anon_mib = 0;  // anon: anonymous memory (heap, driver buffers)
  double exe_rss_mib = 0, exe_pss_mib = 0;  // the mappings of the subject's own executable file (its code pages)
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void sleep_s(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

// utime + stime in clock ticks; the fields after the ")" that ends the command name.
long cpu_ticks(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto close = text.rfind(')');
  if (close == std::string::npos) throw std::runtime_error("cannot read /proc/" + std::to_string(pid) + "/stat");
  std::istringstream fields(text.substr(close + 2));
  std::string f;
  long utime = 0, stime = 0;
  for (int i = 3; fields >> f; ++i) {  // field 3 is the state
    if (i == 14) utime = std::stol(f);
    if (i == 15) {
      stime = std::stol(f);
      break;
    }
  }
  return utime + stime;
}

// Pss, Rss and anonymous memory in MiB from smaps_rollup. Pss divides a library's pages among
// every process mapping it (so it moves with whatever else runs GL on the machine, as does USS);
// anonymous memory is the process's own heap and buffers and does not.
void memory(pid_t pid, double& pss, double& rss, double& anon) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  std::string key;
  long kib = 0;
  std::string unit;
  while (in >> key) {
    if (key == "Pss:" && in >> kib >> unit) pss = static_cast<double>(kib) / 1024.0;
    else if (key == "Rss:" && in >> kib >> unit) rss = static_cast<double>(kib) / 1024.0;
    else if (key == "Anonymous:" && in >> kib >> unit) anon = static_cast<double>(kib) / 1024.0;
    else in.ignore(1 << 12, '\n');
  }
}

// Rss and Pss in MiB of the mappings of the process's own executable file (text, rodata, data):
// how much of its code the kiosk keeps mapped (issue 7). Read from /proc/<pid>/smaps.
void own_code(pid_t pid, double& rss, double& pss) {
  std::error_code ec;
  const std::string exe = fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec).string();
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps");
  long rss_kib = 0, pss_kib = 0;
  bool ours = false;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string first;
    fields >> first;
    if (first.find('-') != std::string::npos && first.back() != ':') {  // a mapping's header line
      std::string perms, offset, dev, inode, path;
      fields >> perms >> offset >> dev >> inode;
      std::getline(fields >> std::ws, path);
      ours = !exe.empty() && path == exe;
    } else if (ours && (first == "Rss:" || first == "Pss:")) {
      long kib = 0;
      fields >> kib;
      (first == "Rss:" ? rss_kib : pss_kib) += kib;
    }
  }
  rss = static_cast<double>(rss_kib) / 1024.0;
  pss = static_cast<double>(pss_kib) / 1024.0;
}

int run_to_end(const std::vector<std::string>& argv, const fs::path& log) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

bool fresh_enough(const fs::path& p) {
  if (!fs::exists(p)) return false;
  const auto age = fs::file_time_type::clock::now() - fs::last_write_time(p);
  return age < std::chrono::hours(12);
}

void remove_db(const fs::path& p) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
}

// The databases the kiosk is started on; made once and kept in opt.dir.
void prepare(const Options& opt, const fs::path& bin, const fs::path& team_db, const fs::path& trust_db) {
  fs::create_directories(opt.dir);
  auto want = [&](const char* name) { return std::find(opt.only.begin(), opt.only.end(), name) != opt.only.end(); };
  if (want("team") && (opt.fresh || !fresh_enough(team_db))) {
    remove_db(team_db);
    const auto t0 = SteadyClock::now();
    if (run_to_end({(bin / "visitboard").string(), "--db", team_db.string(), "demo", "--seed", "7"}, opt.dir / "demo.log") != 0)
      throw std::runtime_error("visitboard demo failed; see " + (opt.dir / "demo.log").string());
    std::printf("made %s (visitboard demo --seed 7) in %.1f s\n", team_db.c_str(),
                std::chrono::duration<double>(SteadyClock::now() - t0).count());
  }
  if (want("trust") && (opt.fresh || !fresh_enough(trust_db))) {
    const auto t0 = SteadyClock::now();
    vb::DemoOptions options;
    options.seed = 7;
    options.now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    options.history_days = opt.years * 365;
    vb::bench::TrustBuild trust = vb::bench::build_trust_snapshot(options, 15);
    if (auto problem = vb::bench::trust_problem(trust.snapshot); !problem.empty())
      throw std::runtime_error("the trust snapshot is inconsistent: " + problem);
    remove_db(trust_db);
    {
      auto db = vb::store::Database::open(trust_db.string(), vb::store::OpenMode::create_if_missing);
      vb::store::write_snapshot(db, trust.snapshot);
    }
    std::printf("made %s (15 demo teams, %d years: %zu episodes, %zu visits) in %.1f s\n", trust_db.c_str(), opt.years,
                trust.snapshot.episodes.size(), trust.snapshot.visits.size(),
                std::chrono::duration<double>(SteadyClock::now() - t0).count());
  }
}

// Starts `s` alone, waits for its first frame, warms up, measures, stops it.
Sample measure(const Subject& s, const Options& opt, int run) {
  const fs::path sock_path = opt.dir / ("notify-" + std::to_string(getpid()) + ".sock");
  fs::remove(sock_path);
  int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, sock_path.c_str(), sizeof addr.sun_path - 1);
  if (sock < 0 || bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    throw std::runtime_error("cannot bind " + sock_path.string());

  const fs::path log = opt.dir / (s.name + "-run" + std::to_string(run) + ".log");
  const auto t0 = SteadyClock::now();
  pid_t pid = fork();
  if (pid == 0) {
    setenv("NOTIFY_SOCKET", sock_path.c_str(), 1);
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    std::vector<char*> args;
    for (const auto& a : s.argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  Sample out;
  // READY=1 arrives once the first frame is swapped (the kiosk may send other lines first).
  for (;;) {
    pollfd p{sock, POLLIN, 0};
    const int left_ms = 300'000 - static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t0).count());
    if (left_ms <= 0 || poll(&p, 1, left_ms) <= 0) break;
    char buf[512] = {};
    const ssize_t n = recv(sock, buf, sizeof buf - 1, 0);
    if (n > 0 && std::strstr(buf, "READY=1")) {
      out.start_ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
      break;
    }
  }
  close(sock);
  fs::remove(sock_path);
  int status = 0;
  if (out.start_ms < 0 || waitpid(pid, &status, WNOHANG) != 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    throw std::runtime_error(s.name + " showed no first frame; see " + log.string());
  }
  sleep_s(opt.warmup_s);
  const long c0 = cpu_ticks(pid);
  const auto w0 = SteadyClock::now();
  sleep_s(opt.window_s);
  const long c1 = cpu_ticks(pid);
  const double window = std::chrono::duration<double>(SteadyClock::now() - w0).count();
  memory(pid, out.pss_mib, out.rss_mib, out.anon_mib);
  own_code(pid, out.exe_rss_mib, out.exe_pss_mib);
  out.cpu_ticks = c1 - c0;
  out.cpu_percent = 100.0 * static_cast<double>(out.cpu_ticks) / static_cast<double>(sysconf(_SC_CLK_TCK)) / window;
  kill(pid, SIGTERM);
  for (int i = 0; i < 50 && waitpid(pid, &status, WNOHANG) == 0; ++i) sleep_s(0.1);
  if (waitpid(pid, &status, WNOHANG) == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ',');) parts.push_back(part);
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--short") {
      opt.runs = 1;
      opt.window_s = 10;
      opt.warmup_s = 2;
    } else if (a == "--runs" && has_value) opt.runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--window" && has_value) opt.window_s = std::max(1.0, std::atof(argv[++i]));
    else if (a == "--warmup" && has_value) opt.warmup_s = std::max(0.0, std::atof(argv[++i]));
    else if (a == "--years" && has_value) opt.years = std::clamp(std::atoi(argv[++i]), 1, 10);
    else if (a == "--dir" && has_value) opt.dir = argv[++i];
    else if (a == "--before" && has_value) opt.before = fs::absolute(argv[++i]);
    else if (a == "--only" && has_value) opt.only = split(argv[++i]);
    else if (a == "--windowed") opt.windowed = true;
    else if (a == "--fresh") opt.fresh = true;
    else {
      std::fprintf(stderr,
                   "usage: idle_bench [--short] [--runs N] [--window S] [--warmup S] [--years N] [--windowed] "
                   "[--dir DIR] [--fresh] [--only bare,team,trust] [--before DIR]\n  run it under xvfb-run -a -s \"-screen 0 1920x1080x24\"\n");
      return 2;
    }
  }
  if (!std::getenv("DISPLAY")) {
    std::fprintf(stderr, "idle_bench: no DISPLAY; run it under xvfb-run -a -s \"-screen 0 1920x1080x24\"\n");
    return 2;
  }
  const fs::path bin = fs::canonical("/proc/self/exe").parent_path();
  const fs::path team_db = opt.dir / "team.db";
  const fs::path trust_db = opt.dir / ("trust-" + std::to_string(opt.years) + "y.db");
  try {
    prepare(opt, bin, team_db, trust_db);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idle_bench: %s\n", e.what());
    return 1;
  }

  const std::string size = opt.windowed ? "1280x800" : "1920x1080";
  std::vector<Subject> subjects;
  for (const auto& name : opt.only) {
    // bare: the yardstick (once a minute); bare-second and bare-continuous reproduce performance.md's other rows.
    for (const char* redraw : {"minute", "second", "continuous"}) {
      const std::string label = std::string(redraw) == "minute" ? "bare" : "bare-" + std::string(redraw);
      if (name == label)
        subjects.push_back({label, {(bin / "bare_board").string(), "--redraw", redraw, "--size", size, "--font",
                                    (bin / "fonts" / "Inter-Regular.otf").string(), "--em", opt.windowed ? "19" : "26"}});
    }
    std::vector<std::string> run_args{"run"};
    if (opt.windowed) run_args.push_back("--windowed");
    auto kiosk = [&](const fs::path& db, const fs::path& dir) {
      std::vector<std::string> a{(dir / "visitboard").string(), "--db", db.string()};
      a.insert(a.end(), run_args.begin(), run_args.end());
      return a;
    };
    if (name == "team" && !opt.before.empty()) subjects.push_back({"team-before", kiosk(team_db, opt.before)});
    if (name == "team") subjects.push_back({"team", kiosk(team_db, bin)});
    if (name == "trust" && !opt.before.empty()) subjects.push_back({"trust-before", kiosk(trust_db, opt.before)});
    if (name == "trust") subjects.push_back({"trust", kiosk(trust_db, bin)});
  }
  std::printf("idle_bench: %d run(s); each subject alone: start, first frame, %.0f s warm-up, %.0f s window; %s; "
              "trust = 15 demo teams, %d years\n\n",
              opt.runs, opt.warmup_s, opt.window_s, opt.windowed ? "--windowed 1280x800" : "fullscreen 1920x1080", opt.years);
  std::printf("| run | subject | first frame ms | CPU ticks | CPU %% of a core | PSS MiB | anon MiB | RSS MiB | own executable RSS / PSS MiB |\n|---|---|---|---|---|---|---|---|---|\n");

  std::map<std::string, std::vector<Sample>> samples;
  std::map<std::string, std::vector<double>> cpu_ratio, pss_above, anon_above;
  for (int run = 1; run <= opt.runs; ++run) {
    std::map<std::string, Sample> this_run;
    for (const auto& s : subjects) {
      try {
        Sample m = measure(s, opt, run);
        std::printf("| %d | %s | %.0f | %ld | %.3f | %.1f | %.1f | %.1f | %.2f / %.2f |\n", run, s.name.c_str(), m.start_ms,
                    m.cpu_ticks, m.cpu_percent, m.pss_mib, m.anon_mib, m.rss_mib, m.exe_rss_mib, m.exe_pss_mib);
        samples[s.name].push_back(m);
        this_run[s.name] = m;
      } catch (const std::exception& e) {
        std::printf("| %d | %s | failed: %s | | | | | | |\n", run, s.name.c_str(), e.what());
      }
    }
    if (auto bare = this_run.find("bare"); bare != this_run.end()) {
      for (const auto& [name, m] : this_run) {
        if (name == "bare") continue;
        // A bare board that used no tick in the window gives no ratio (too short a window).
        if (bare->second.cpu_ticks > 0) cpu_ratio[name].push_back(m.cpu_percent / bare->second.cpu_percent);
        pss_above[name].push_back(m.pss_mib - bare->second.pss_mib);
        anon_above[name].push_back(m.anon_mib - bare->second.anon_mib);
      }
    }
  }

  std::printf("\nMedians of %d run(s) (ratios and differences per run against that run's bare board, then the median)\n\n", opt.runs);
  std::printf("| subject | first frame ms | CPU %% of a core | x bare | PSS MiB | PSS above bare MiB | anon above bare MiB | RSS MiB | own executable RSS / PSS MiB |\n|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& s : subjects) {
    const auto& v = samples[s.name];
    if (v.empty()) continue;
    std::vector<double> start, cpu, pss, rss, exe_rss, exe_pss;
    for (const auto& m : v) {
      exe_rss.push_back(m.exe_rss_mib);
      exe_pss.push_back(m.exe_pss_mib);
      start.push_back(m.start_ms);
      cpu.push_back(m.cpu_percent);
      pss.push_back(m.pss_mib);
      rss.push_back(m.rss_mib);
    }
    char ratio[32] = "", above[32] = "", anon[32] = "";
    if (!cpu_ratio[s.name].empty()) std::snprintf(ratio, sizeof ratio, "%.2f", median(cpu_ratio[s.name]));
    if (!pss_above[s.name].empty()) std::snprintf(above, sizeof above, "%+.1f", median(pss_above[s.name]));
    if (!anon_above[s.name].empty()) std::snprintf(anon, sizeof anon, "%+.1f", median(anon_above[s.name]));
    std::printf("| %s | %.0f | %.3f | %s | %.1f | %s | %s | %.1f | %.2f / %.2f |\n", s.name.c_str(), median(start), median(cpu),
                ratio, median(pss), above, anon, median(rss), median(exe_rss), median(exe_pss));
  }
  std::printf("\nTargets (performance.md): idle <= 0.15%% of a core and within 2x of the bare board; PSS <= 15 MiB above "
              "the bare board with a whole trust loaded; start to first frame (5-year trust, warm) <= 250 ms.\n");
  if (opt.window_s < 60) std::printf("A window under 60 s may miss the once-a-minute redraw: use the CPU figures of --short for quick checks only.\n");
  return 0;
}
