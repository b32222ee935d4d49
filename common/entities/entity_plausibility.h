// Entity plausibility: whether a person or organization name that the tagger
// or the rules found, and the gazetteer does not know, can be a name at all
// before it becomes a facet value a reader sees.
//
// A name is rejected when it is, begins or ends with a word that can never be
// part of a name there: a function word or particle (حسبما, في, الذي), a verb
// (خاض, اكد), a word of the entity lexicon's stop or verb classes, or
// a word of the hand-written never-an-entity list (never_entity_word()). A
// person's name also may not contain a function word or a verb anywhere, nor
// more than four words besides name connectors (بن, عبد, ابو). An
// organization contains no verb and does not end in an ordinal (الجائزه
// الثانيه). A name of one
// word may not be a title, a role or an organization noun alone (الهيئه),
// and no name ends with a head that needs a complement (ديلي, دار). An organization made of a
// trigger noun and generic words only (الهيئه العامه, وزاره الداخليه) is a
// generic body: see generic_body(). A trigger noun with an indefinite
// adjective (منظمه ارهابيه) or with a body every organization has (مجلس
// الاداره, لجنه التحكيم) describes, and an organization with a word of things
// (الانترنت, الكهربائي, التواصل) is a thing: neither is a name. A person's
// name does not begin with an organization noun (اتحاد بن قردان), nor is
// عبد + one word (عبد الرحمن) more than a given name.
//
// Words are normalized (normalizer.h), a name's words joined by one space.
// Pure functions over immutable tables; thread-safe.
#pragma once

#include <string_view>

#include "entities/gazetteer.h"

namespace akhbar {

// True for a word that can never be a whole name, nor begin or end one:
// particles and conjunctive adverbs (حسبما, بينما, كلما), verbs, nouns of
// activities and events (النزوح, رقص, المهرجان),
// checked as written and without the proclitics و ف ب ل ك and the article.
bool never_entity_word(std::string_view normalized_word);

// True when `normalized_name` may be a name of `kind` (Person or
// Organization; a place is always plausible: places come from the gazetteer).
// The gazetteer's given names (علي) count as names even where they spell a
// function word.
bool plausible_name(const Gazetteer& gazetteer, EntityKind kind, std::string_view normalized_name);

// True for an organization, given by its key (name_key.h), made of a
// trigger noun (وزاره, الهيئه, البنك) followed by generic words only
// (الداخليه, المركزي, العليا): it names a kind of body, not one body, until
// a country is added to it.
bool generic_body(std::string_view name_key);

// True for an organization made of a trigger noun and modifiers that leave
// it a fragment of a longer name (الهيئه العامه, الاتحاد الدولي), in any
// country: never a facet value.
bool fragment_body(std::string_view name_key);

}  // namespace akhbar
