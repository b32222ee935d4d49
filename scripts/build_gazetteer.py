#!/usr/bin/env python3
"""Builds corpus/gazetteer/places.tsv from the public place-name sources.

Reads ../shared/gazetteer-sources (GeoNames cities >= 15k people, admin-1
regions and countries with Arabic names, CC-BY-4.0; Unicode CLDR territory and
time-zone city names, Unicode licence; i18n-iso-countries, MIT) and writes one
row per place in the gazetteer TSV format (corpus/gazetteer/README.md):

    id  type  arabic  english  variants  parents

What goes in:
  * every country (id c:<ISO2>), with the Arabic names of all three sources;
  * the admin-1 regions (id a:<ISO2>.<code>) of the countries that have any;
  * every city with an Arabic name in the Arab world and its neighbours, and
    elsewhere capitals (CLDR time-zone cities) and cities of >= WORLD_MIN_POP.
Names that are also common Arabic words (the city الخبر, "the news") or too
short to be safe are dropped: see STOPLIST. Precision matters more than
recall; corpus/gazetteer/places_extra.tsv adds by hand what this leaves out.

Deterministic: the same sources give the same file. Rows come in match
priority order, lowest first (a later row wins a name two places share):
regions, then cities from the smallest to the largest, then countries.

Usage: scripts/build_gazetteer.py [--sources DIR] [--out FILE]
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCES = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "gazetteer-sources"))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "corpus", "gazetteer", "places.tsv"))

# League of Arab States members and Western Sahara: all their cities.
ARAB = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())
# Neighbours that Arabic news covers closely: cities of NEAR_MIN_POP or more.
NEAR = set("TR IR IL AF PK ET ER SS TD NE ML CY".split())
NEAR_MIN_POP = 50000
WORLD_MIN_POP = 300000

# Admin-1 name prefixes ("محافظة حلب"): the bare name is a variant too.
ADMIN_PREFIXES = ["محافظه", "ولايه", "منطقه", "اماره", "اقليم", "مقاطعه", "اقاليم", "جهه",
                  "اداره", "مديريه", "بلديه", "اماره"]

# Normalized names (a country's name of several words is always kept) that are common words, titles, surnames or otherwise
# ambiguous in Arabic news text. A place whose (article-less) name is in this
# list keeps only its unambiguous variants (e.g. "محافظه الخارجه"), or is
# dropped when it has none. Written by hand from a review of the candidates.
STOPLIST = set("""
الاحمدي احمدي الاحمر الاخضر الازرق الاسود الاعلي الامل الامير الابيض البيضاء البيضا
البيض البيره الباب الباحه البحر البدر بدر البلد بلد البرج برج البريقه البصل التل تل
الثوره الجديده جديده الجزيره الحريه الحمامات الحي حي الخبر الخارجه الخالص الخمس
الدور الرحمه الرس الروضه الزرقاء الزرقا السلام سلام الشرقيه الشماليه الجنوبيه الغربيه
الوسطي الوسطى العاصمه الشمال الجنوب الشرق الغرب العماره العين عين العيون عيون الفتح فتح
القائم القصير الكاف الكرامه المدينه مدينه المنصوره منصوره المرج المنار المستقبل النصر نصر
النور نور الوادي وادي الوحده الشروق العبور الساحل ساحل السوق سوق الصخره الحصن حصن
الطور طور الكوت كوت المحمديه المزرعه مزرعه الهدي الرشيد رشيد سعيده سعيد الحسين حسين
الحسن حسن علي محمد احمد عمر عثمان خالد صالح سليمان زايد عيسي موسي يوسف ابراهيم اسماعيل
عباس جعفر حمزه مصطفي محمود ياسر فيصل سلطان ملك الملك امير الشيخ شيخ السيد سيد
صور صوره عاليه معان المخا البلده بلده قريه القريه الدولة الدوله دوله الاماره المملكه
مملكه العربيه الاسلاميه الوطنيه المتحده الجمهوريه جمهوريه الاتحاديه
اب ام ابو ابن بن بنت قم كرم الكرم سمراء سمرا حلوان الحلوه حلوه الشفا شفا الطرف طرف
العلا علا العلي علي العليا عليا المذنب مذنب الدلم الجمعه جمعه السبت سبت الاحد احد
الخميس خميس الاربعاء اربعاء الثلاثاء الاثنين الحمراء حمراء الخضراء خضراء الصفراء
البدرشين الوفاء وفاء العامريه الزهراء زهراء الزهور زهور الياسمين ياسمين الورود ورود
المعادي الصف صف النهضه نهضه التحرير تحرير الاستقلال استقلال السادات الشهداء شهداء
الرمل رمل الجبل جبل الجبال الغابه غابه السد سد النهر نهر البحيره بحيره الواحه واحه
القلعه قلعه القصر قصر الميناء ميناء المطار مطار الجامعه جامعه المعهد الكليه المركز مركز
الشاطئ شاطئ المحطه محطه الجسر جسر الباسل باسل الحامد حامد الحميديه الهاشميه هاشميه
الرابيه رابيه الصالحيه المنشيه الزاويه زاويه رياض الخليج خليج
الحسا الامانه امانه الحرم حرم
الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر
الكبير الكبري الصغير الصغري القديم القديمه الجديد الحديثه حديثه
الشامل الكامل كامل الحمد حمد نجمه النجمه الخير خير السعاده سعاده الفرح فرح
وان اطار جمال فلاديمير بشار شمالي باي الحد طراز دورا معسكر ثوره حجه الهنديه كوبر
سالم قبلي الفحص بركان سول الظاهره ميدان ابا مساكن عمران فارس ساري قاره الحراك بشري
الجميل اجا ادم اردو جوهر المنشاه الحزم العصابه سحر مركزي مين القصور هجين كريمه حيران
تويوتا موندو ستره ميادين غات نبل الكسوه باري الرديف مونستر هون زرقاء بولي الزبير سيلا
تلا فانسان زاريا خفي واري صيله سحاب انخل رالي جوني اسام كارا سويس البريج الاك مطاي
الشبلي السويق داروين تشارلوت هاميلتون سانتوس ديلي مالي بنين
""".split()) | set("""
منزل جميل|منزل عبد الرحمان|علي الغربي|علي صبيح|سيدي سالم|سيدي خالد|صالح باي|بيت الفقيه
ام صلال محمد|صباح السالم|شيخ مسكين|طيبه الامام|غار الدماء|قريه سلوق|جنوب السره
صلاح الدين|محافظه العاصمه|المنطقه الشرقيه|المنطقه الوسطي|المنطقه الداخليه|المحافظه الجنوبيه
""".strip().replace("\n", "|").split("|"))

# Countries whose short name is also a common word ("مالي", financial): the
# name is kept as a weak variant, matched only after a place preposition.
WEAK = set("مالي بنين معان الباحه القصير الحمامات الكاف قبلي الكوت الزرقاء الزاويه قم".split())

# Names that STOPLIST would drop but that are places first in news text.
KEEP = set("""
الرياض|الاحساء|مكه|وهران|الرباط|المسيله|الخليل|حلوان|ام قصر|عين صالح|وادي زم
|مدينه زايد|مدينه عيسي|مدينه حمد
""".strip().split("|"))

# GeoNames Arabic names to correct (article missing, region name given to a
# city): geonameid → Arabic name. Other variants go in places_extra.tsv.
NAME_FIXES = {
    "2538475": "الرباط", "173576": "اللاذقية", "379252": "الخرطوم", "250090": "الزرقاء",
    "99532": "البصرة", "292672": "الشارقة", "89113": "أجدابيا", "2210554": "سرت",
    "95446": "أربيل",
}

# Minimum length of a safe single-word name (letters, without the article).
MIN_LETTERS = 3

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
HARAKAT = re.compile(r"[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")


def strip_marks(text):
    """Display form: no harakat, tatweel, bidi or other format characters."""
    text = unicodedata.normalize("NFKC", text)
    text = HARAKAT.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", text).strip()


def clean_name(text):
    """One name from a source field: "هيبرون (مدينة الخليل)" → "هيبرون",
    "سالفادور، باهيا" → "سالفادور"; names joining two ("بعلبك - الهرمل") give ""."""
    text = strip_marks(text)
    text = re.split(r"[(،,]", text)[0].strip()
    return "" if " - " in text or "-" in text else text


def normalize(text):
    """Mirror of akhbar::normalize() (common/normalizer.h) for Arabic names."""
    text = strip_marks(text)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ؤ", "ء"), ("ئ", "ء"),
                 ("ى", "ي"), ("ة", "ه"), ("ک", "ك"), ("ی", "ي"), ("ۀ", "ه"), ("ھ", "ه"),
                 ("ہ", "ه")):
        text = text.replace(a, b)
    return text.casefold()


def is_arabic_name(text):
    return bool(ARABIC_LETTER.search(text)) and not LATIN_LETTER.search(text)


def bare(word):
    """A normalized word without its article."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def is_safe(name):
    """True when a normalized name can stand for a place in running text."""
    words = name.split()
    if name in KEEP:
        return True
    if not words or name in STOPLIST:
        return False
    if len(words) == 1:
        w = words[0]
        if w in STOPLIST or bare(w) in STOPLIST or len(bare(w)) < MIN_LETTERS:
            return False
        return True
    # Several words: unsafe only when every word is a stop word ("المدينه الجديده").
    return not all(w in STOPLIST or bare(w) in STOPLIST or len(w) < 3 for w in words)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in body if r]


class Place:
    def __init__(self, pid, ptype, arabic, english, parents):
        self.id = pid
        self.type = ptype
        self.english = english
        self.variants = []  # display forms; first is the display name
        self.parents = parents
        self.add(arabic)
        self.arabic = self.variants[0] if self.variants else ""

    def add(self, name):
        name = clean_name(name)
        if not name or not is_arabic_name(name):
            return
        if normalize(name) not in (normalize(v) for v in self.variants):
            self.variants.append(name)

    def safe_variants(self):
        """Variants to write: safe ones, and weak ones marked with '?'."""
        out = []
        for v in self.variants:
            n = normalize(v)
            if n in WEAK:
                out.append("?" + v)
            elif is_safe(n) or (self.type == "country" and " " in n):
                out.append(v)
        return out

    def row(self):
        safe = self.safe_variants()
        display = self.arabic if self.arabic in safe else safe[0].lstrip("?")
        # A weak display name is listed again, marked, among the variants.
        others = [v for v in safe if v != display]
        return "\t".join([self.id, self.type, display, self.english, "|".join(others),
                          "|".join(self.parents)])


def build(sources):
    geonames = os.path.join(sources, "geonames")
    cldr = os.path.join(sources, "cldr")
    places = {}

    # Countries: GeoNames, then CLDR (with its alternatives), then i18n-iso-countries.
    # Their English names come from ICU when the gazetteer is loaded.
    for r in read_tsv(os.path.join(geonames, "countries_ar.tsv")):
        code = r["country_code"]
        places["c:" + code] = Place("c:" + code, "country", strip_marks(r["name_ar"]), "", [])
    for r in read_tsv(os.path.join(cldr, "territories_ar.tsv")):
        code = r["code"]
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue  # continents and regions: written by hand in places_extra.tsv
        name = r["name_ar"]
        if " - " in name:  # "الكونغو - كينشاسا": both halves are names
            continue
        place = places.setdefault("c:" + code, Place("c:" + code, "country", strip_marks(name), "", []))
        place.add(name)
    for r in read_tsv(os.path.join(sources, "i18n-iso-countries", "countries_ar.tsv")):
        pid = "c:" + r["iso2"]
        if pid in places:
            places[pid].add(r["name_ar"])

    # Admin-1 regions, named in Arabic by admin1_ar.tsv, in English by the cities file.
    admin_english = {}
    cities = read_tsv(os.path.join(geonames, "cities_ar.tsv"))
    for r in cities:
        admin_english.setdefault(r["country_code"] + "." + r["admin1_code"], r["admin1_en"])
    admin_arabic = {r["admin1_key"]: r["name_ar"] for r in read_tsv(os.path.join(geonames, "admin1_ar.tsv"))}
    for r in cities:  # the cities file names some regions the admin file lacks
        key = r["country_code"] + "." + r["admin1_code"]
        if key not in admin_arabic and is_arabic_name(strip_marks(r["admin1_ar"])):
            admin_arabic[key] = r["admin1_ar"]
    for key, name in admin_arabic.items():
        code = key.split(".")[0]
        name = strip_marks(name)
        if "c:" + code not in places or not is_arabic_name(name):
            continue
        place = Place("a:" + key, "region", name, admin_english.get(key, ""), ["c:" + code])
        words = name.split()
        if len(words) > 1 and normalize(words[0]) in ADMIN_PREFIXES:
            place.add(" ".join(words[1:]))
        places[place.id] = place

    # Cities.
    tz_cities = {}
    for r in read_tsv(os.path.join(cldr, "tz_exemplar_cities_ar.tsv")):
        tz_cities[r["tzid"].split("/")[-1].replace("_", " ")] = r["city_ar"]
    best_tz = {}  # English tz name -> most populous matching city
    for r in cities:
        if r["name_en"] in tz_cities:
            cur = best_tz.get(r["name_en"])
            if cur is None or int(r["population"] or 0) > int(cur["population"] or 0):
                best_tz[r["name_en"]] = r
    tz_ids = {r["geonameid"] for r in best_tz.values()}
    for r in cities:
        code, pop = r["country_code"], int(r["population"] or 0)
        wanted = (code in ARAB or (code in NEAR and pop >= NEAR_MIN_POP) or pop >= WORLD_MIN_POP
                  or r["geonameid"] in tz_ids)
        if not wanted:
            continue
        names = [strip_marks(NAME_FIXES.get(r["geonameid"], r["name_ar"]))]
        if r["geonameid"] in tz_ids:
            names.append(strip_marks(tz_cities[r["name_en"]]))
        names = [n for n in names if is_arabic_name(n)]
        if not names:
            continue
        parent = "a:" + code + "." + r["admin1_code"]
        if parent not in places:
            parent = "c:" + code
        place = Place("g:" + r["geonameid"], "city", names[0], r["name_en"], [parent])
        for n in names[1:]:
            place.add(n)
        place.population = pop
        places[place.id] = place

    return places


TYPE_ORDER = {"region": 0, "city": 1, "country": 2}


def priority(place):
    """Row order is match priority, lowest first (a later row wins a shared name,
    README.md): regions, cities from the smallest, countries."""
    return (TYPE_ORDER[place.type], getattr(place, "population", 0), place.id)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default=DEFAULT_SOURCES)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    places = build(args.sources)
    rows = []
    dropped = 0
    kept = {pid for pid, p in places.items() if p.safe_variants()}
    for p in sorted(places.values(), key=priority):
        if p.id not in kept:
            dropped += 1
            continue
        # A city whose region was dropped hangs from the country.
        p.parents = [q if q in kept else "c:" + q[2:4] for q in p.parents]
        rows.append(p.row())
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/build_gazetteer.py from GeoNames (CC-BY-4.0), Unicode CLDR\n")
        f.write("# and i18n-iso-countries (MIT): see LICENSE-DATA.md. Do not edit; edit the script\n")
        f.write("# or places_extra.tsv. Format: README.md.\n")
        f.write("# id\ttype\tarabic\tenglish\tvariants\tparents\n")
        for row in rows:
            f.write(row + "\n")
    print(f"{args.out}: {len(rows)} places ({dropped} dropped as ambiguous)", file=sys.stderr)


if __name__ == "__main__":
    main()
