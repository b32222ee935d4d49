// Option values: reading a command-line value into a number or a filter
// value, with the range or content it must have, for every tool's option
// parser. Each failure is one line that names the option and the value.
// Thread-safe (pure functions).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace akhbar {

struct OptionValueError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `text` as a whole number from `min` to `max`: decimal digits only (no
// sign, no spaces, no fraction), so that "-1" is refused rather than read
// as a huge unsigned value. Throws OptionValueError, e.g.
// "--offset must be a whole number from 0 to 4294957295, got '-1'".
uint64_t parse_whole_number(std::string_view text, std::string_view option, uint64_t min,
                            uint64_t max);

// `text` if it names something: it holds a letter or a digit once
// normalized (normalizer.h), e.g. "دمشق" or "BBC"; "", " " and "!!!" do
// not. Throws OptionValueError "--actor wants a name, got '!!!'".
const std::string& require_name(const std::string& text, std::string_view option);

}  // namespace akhbar
