// restore_bench: the peak memory and time of `visitboard restore`, measured on the binary beside
// this one (session 12: a restore streams; the 5-year trust's held 1.5 GiB before).
//   restore_bench            a demo team (seed 7), backed up, then restored 3 times
//   restore_bench --db FILE  the same for a copy of FILE (FILE itself is only read, by `backup`)
// Each run is its own process (wait4 gives its peak RSS and CPU); `visitboard --version` is the
// bare process for comparison. Prints medians; a program, not a timed test.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
  double rss_mib = 0, wall_s = 0, cpu_s = 0;
};

// Runs `args` (quietly) and returns its peak RSS, wall and CPU time; throws if it fails.
Run run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string line;
    for (const auto& a : args) line += a + " ";
    throw std::runtime_error("failed: " + line);
  }
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return Run{static_cast<double>(usage.ru_maxrss) / 1024.0, wall.count(), seconds(usage.ru_utime) + seconds(usage.ru_stime)};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) source = argv[++i];
    else {
      std::fprintf(stderr, "usage: restore_bench [--db FILE]\n");
      return 2;
    }
  }
  try {
    const std::string bin = (fs::canonical("/proc/self/exe").parent_path() / "visitboard").string();
    std::string folder = (fs::temp_directory_path() / "restore-bench-XXXXXX").string();
    if (!mkdtemp(folder.data())) throw std::runtime_error("cannot make a temp folder");
    struct Cleanup {
      std::string path;
      ~Cleanup() {
        std::error_code ec;
        fs::remove_all(path, ec);
      }
    } cleanup{folder};
    const std::string db = folder + "/source.db", archive = folder + "/source.vba", key = folder + "/keys/archive.key";
    if (source.empty()) run({bin, "--db", db, "--now", "2026-11-23T10:00:00", "demo", "--seed", "7"});
    else fs::copy_file(source, db);
    run({bin, "--db", db, "--key", key, "backup", archive});

    std::vector<double> rss, wall, cpu, bare;
    for (int i = 0; i < 3; ++i) {
      const std::string target = folder + "/restored" + std::to_string(i) + ".db";
      const Run r = run({bin, "--db", target, "--key", key, "--now", "2026-11-23T12:00:00", "restore", archive});
      rss.push_back(r.rss_mib);
      wall.push_back(r.wall_s);
      cpu.push_back(r.cpu_s);
      fs::remove(target);
      bare.push_back(run({bin, "--version"}).rss_mib);
    }
    std::printf("restore of %s: archive %.1f MiB (database %.1f MiB), 3 runs, medians\n",
                source.empty() ? "a demo team (seed 7)" : source.c_str(), static_cast<double>(fs::file_size(archive)) / 1048576.0,
                static_cast<double>(fs::file_size(db)) / 1048576.0);
    std::printf("  %-28s %10.1f\n", "peak RSS, MiB", median(rss));
    std::printf("  %-28s %10.1f\n", "bare process peak RSS, MiB", median(bare));
    std::printf("  %-28s %10.2f\n", "wall, s", median(wall));
    std::printf("  %-28s %10.2f\n", "CPU (user+sys), s", median(cpu));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "restore_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
