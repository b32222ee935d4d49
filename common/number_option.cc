#include "number_option.h"

#include <charconv>

namespace akhbar {

uint64_t parse_number_option(const std::string& text, const std::string& option, uint64_t min,
                             uint64_t max) {
  uint64_t value = 0;
  const char* const end = text.data() + text.size();
  // For an unsigned type, from_chars takes no sign and no white space.
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || value < min || value > max) {
    throw NumberOptionError(option + " must be a whole number from " + std::to_string(min) +
                            " to " + std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

}  // namespace akhbar
