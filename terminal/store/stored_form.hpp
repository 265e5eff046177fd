#pragma once
// The text the schema stores for instants ("2026-11-23T08:30:00Z", exactly what vb::format_utc
// writes) and local dates ("2026-11-23"), written without iostreams: a demo writes tens of thousands.
#include "core/local_time.hpp"

#include <string>

namespace vb::store {

std::string stored_instant(Instant t);
std::string stored_date(LocalDate d);

}  // namespace vb::store
