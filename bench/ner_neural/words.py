"""The trial's word form: diacritics and tatweel removed, alef forms and alef maqsura folded,
Latin lower-cased. tokens() normalizes first, so a diacritic never splits a word, then splits
punctuation from words."""
import re

_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u0640]")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


def normalize(word):
    return _MARKS.sub("", word).translate(_FOLD).lower()


def tokens(text):
    return _TOKEN.findall(normalize(text))
