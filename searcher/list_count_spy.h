// ListCountMatchSpy: a Xapian MatchSpy that counts, over every document the
// matcher examines, how many documents hold each entry of a value slot that
// stores a list (schema::serialise_list) — places, persons, organizations.
// Xapian's ValueCountMatchSpy would count a whole list as one value. A
// document counts once per entry. One spy per query; not thread-safe.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace akhbar {

class ListCountMatchSpy : public Xapian::MatchSpy {
 public:
  explicit ListCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new ListCountMatchSpy(slot_); }
  std::string name() const override { return "akhbar.ListCountMatchSpy"; }

  // Entry → number of documents. The views stay valid while the spy lives.
  const std::unordered_map<std::string_view, size_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  // Counting runs once per matching document: keys are views into `keys_`,
  // so that looking up an entry of a document's value allocates nothing.
  std::deque<std::string> keys_;
  std::unordered_map<std::string_view, size_t> counts_;
};

}  // namespace akhbar
