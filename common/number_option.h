// NumberOption: reads the value of a numeric command-line option of
// akhbar-index and akhbar-tag.
//
// Boost.Program_options reads "-1" into an unsigned type as a huge number;
// the options are therefore read as text and converted here.
// parse_number_option() accepts decimal digits only (no sign, space or
// suffix) and a value from `min` to `max`; otherwise it throws
// NumberOptionError with one line naming the option, its range and the
// value: "--threads must be a whole number from 0 to 256, got '-1'".
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace akhbar {

struct NumberOptionError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

uint64_t parse_number_option(const std::string& text, const std::string& option, uint64_t min,
                             uint64_t max);

}  // namespace akhbar
