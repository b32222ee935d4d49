// ListCountMatchSpy: a Xapian MatchSpy that counts, over every document the
// matcher examines, how many documents hold each entry of a value slot that
// stores a list (schema::serialise_list) — places, persons, organizations.
// Xapian's ValueCountMatchSpy would count a whole list as one value. A
// document counts once per entry. One spy per query; not thread-safe.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace akhbar {

class ListCountMatchSpy : public Xapian::MatchSpy {
 public:
  explicit ListCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new ListCountMatchSpy(slot_); }
  std::string name() const override { return "akhbar.ListCountMatchSpy"; }

  const std::unordered_map<std::string, size_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::unordered_map<std::string, size_t> counts_;
};

}  // namespace akhbar
