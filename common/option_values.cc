#include "option_values.h"

#include <charconv>

#include "text/tokenizer.h"

namespace akhbar {

uint64_t parse_whole_number(std::string_view text, std::string_view option, uint64_t min,
                            uint64_t max) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  const auto [at, ec] = std::from_chars(text.data(), end, value);
  if (!digits_only || ec != std::errc() || at != end || value < min || value > max) {
    throw OptionValueError(std::string(option) + " must be a whole number from " + std::to_string(min) +
                           " to " + std::to_string(max) + ", got '" + std::string(text) + "'");
  }
  return value;
}

const std::string& require_name(const std::string& text, std::string_view option) {
  if (tokenize(text).empty()) {
    throw OptionValueError(std::string(option) + " wants a name, got '" + text + "'");
  }
  return text;
}

}  // namespace akhbar
