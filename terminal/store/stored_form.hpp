#pragma once
// The text the schema stores for instants ("2026-11-23T08:30:00Z", exactly what vb::format_utc
// writes) and local dates ("2026-11-23"), written without iostreams: a demo writes tens of thousands.
#include "core/local_time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vb::store {

std::string stored_instant(Instant t);
std::string stored_date(LocalDate d);

// Reading them back without allocating: the value when `text` is exactly the canonical stored form
// ("YYYY-MM-DDTHH:MM:SSZ", digits only, a real date, 00:00:00-23:59:59; "YYYY-MM-DD" for dates),
// otherwise nullopt, and the caller falls back to core's parser (which accepts the same values and
// words the error). Same checks as parse_stored_utc / parse_date for every text it accepts.
std::optional<Instant> canonical_stored_instant(std::string_view text);
std::optional<LocalDate> canonical_stored_date(std::string_view text);

}  // namespace vb::store
