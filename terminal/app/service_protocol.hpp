#pragma once
// systemd's service notification protocol, spoken directly (no libsystemd: it and the libraries it
// pulls in - gcrypt, gpg-error, lz4, zstd, lzma, cap - cost the kiosk ~1 MiB of resident pages for
// three datagrams). Same behaviour as sd_notify(0, ...) and sd_watchdog_enabled(0, ...).
#include <chrono>
#include <string_view>

namespace vb::app {

// Sends `state` ("READY=1", "WATCHDOG=1" ...) as one datagram to the AF_UNIX socket named by
// $NOTIFY_SOCKET (a path, or '@' for the abstract namespace). False when the variable is not set
// or the send failed; nothing else happens then.
bool notify_service(std::string_view state);

// The watchdog interval systemd asked for ($WATCHDOG_USEC, when $WATCHDOG_PID is unset or this
// process), or zero.
std::chrono::microseconds service_watchdog_interval();

}  // namespace vb::app
