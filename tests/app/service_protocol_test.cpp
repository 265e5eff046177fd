// systemd's notification protocol without libsystemd: the service manager still hears READY=1 and the
// watchdog pings on $NOTIFY_SOCKET, and the watchdog interval is read as sd_watchdog_enabled reads it.
#include <doctest/doctest.h>

#include "app/service_protocol.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

using namespace vb::app;

namespace {

// A datagram socket bound to `name` (a path, or '@' + an abstract name), closed at the end.
struct Listener {
  int fd = -1;
  explicit Listener(const std::string& name) {
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, name.data(), name.size());
    socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
    if (name[0] == '@') addr.sun_path[0] = '\0';
    else len += 1;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), len) == 0);
  }
  ~Listener() { close(fd); }
  std::string receive() const {
    char buf[256];
    const ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    return n < 0 ? std::string("(nothing)") : std::string(buf, static_cast<size_t>(n));
  }
};

}  // namespace

TEST_CASE("service protocol: READY=1 reaches the socket systemd names, as a path") {
  const auto path = std::filesystem::temp_directory_path() / ("vb-notify-" + std::to_string(getpid()) + ".sock");
  std::filesystem::remove(path);
  Listener listener(path.string());
  setenv("NOTIFY_SOCKET", path.c_str(), 1);
  CHECK(notify_service("READY=1\nSTATUS=showing the board"));
  CHECK(listener.receive() == "READY=1\nSTATUS=showing the board");
  CHECK(notify_service("WATCHDOG=1"));
  CHECK(listener.receive() == "WATCHDOG=1");
  unsetenv("NOTIFY_SOCKET");
  std::filesystem::remove(path);
}

TEST_CASE("service protocol: an abstract socket ('@name') is reached too") {
  const std::string name = "@vb-notify-test-" + std::to_string(getpid());
  Listener listener(name);
  setenv("NOTIFY_SOCKET", name.c_str(), 1);
  CHECK(notify_service("STOPPING=1"));
  CHECK(listener.receive() == "STOPPING=1");
  unsetenv("NOTIFY_SOCKET");
}

TEST_CASE("service protocol: without a service manager nothing is sent and nothing fails") {
  unsetenv("NOTIFY_SOCKET");
  CHECK_FALSE(notify_service("READY=1"));
  setenv("NOTIFY_SOCKET", "relative/name", 1);  // neither a path nor an abstract name
  CHECK_FALSE(notify_service("READY=1"));
  unsetenv("NOTIFY_SOCKET");
}

TEST_CASE("service protocol: the watchdog interval is WATCHDOG_USEC, for this process only") {
  unsetenv("WATCHDOG_USEC");
  unsetenv("WATCHDOG_PID");
  CHECK(service_watchdog_interval().count() == 0);
  setenv("WATCHDOG_USEC", "30000000", 1);
  CHECK(service_watchdog_interval().count() == 30000000);
  setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
  CHECK(service_watchdog_interval().count() == 30000000);
  setenv("WATCHDOG_PID", std::to_string(getpid() + 1).c_str(), 1);  // meant for another process
  CHECK(service_watchdog_interval().count() == 0);
  unsetenv("WATCHDOG_PID");
  setenv("WATCHDOG_USEC", "soon", 1);
  CHECK(service_watchdog_interval().count() == 0);
  unsetenv("WATCHDOG_USEC");
}
