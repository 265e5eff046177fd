// The notification protocol of systemd's sd_notify(3): one datagram of "KEY=VALUE" lines on an
// AF_UNIX socket whose address is in $NOTIFY_SOCKET.
#include "app/service_protocol.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

namespace vb::app {

bool notify_service(std::string_view state) {
  const char* name = std::getenv("NOTIFY_SOCKET");
  if (name == nullptr || (name[0] != '/' && name[0] != '@')) return false;
  const size_t length = std::strlen(name);
  sockaddr_un addr{};
  if (length < 2 || length > sizeof addr.sun_path) return false;
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, name, length);
  if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';  // abstract namespace
  // A path is sent with its terminating NUL when it fits; an abstract name is exactly `length` bytes.
  const socklen_t addr_len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + length +
                                                    (name[0] == '/' && length < sizeof addr.sun_path ? 1 : 0));
  const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  ssize_t sent = -1;
  do {
    sent = sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&addr), addr_len);
  } while (sent < 0 && errno == EINTR);
  close(fd);
  return sent == static_cast<ssize_t>(state.size());
}

std::chrono::microseconds service_watchdog_interval() {
  const char* usec = std::getenv("WATCHDOG_USEC");
  if (usec == nullptr) return std::chrono::microseconds{0};
  if (const char* pid = std::getenv("WATCHDOG_PID"); pid != nullptr && std::strtoll(pid, nullptr, 10) != getpid())
    return std::chrono::microseconds{0};
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(usec, &end, 10);
  if (errno != 0 || end == usec || *end != '\0' || value == 0) return std::chrono::microseconds{0};
  return std::chrono::microseconds{static_cast<std::chrono::microseconds::rep>(value)};
}

}  // namespace vb::app
