// EventDates: the dates an article's text speaks of ("أمس", "الثلاثاء", "يومي
// الـ12 والـ13 من الشهر الجاري", "15 آذار 2017", "في 3 يونيو", "23/02/2018"),
// resolved against the article's publication date when they are relative.
//
// What is read (on normalized tokens; the clitics و ف ب ل and the article may
// be attached: وامس, بالامس, والاثنين, وال13):
//   - أمس, بالأمس, البارحة: the day before publication; أول أمس, أمس الأول: two
//     days before; اليوم: the publication day (not "اليوم العالمي", "اليوم
//     التالي", "اليوم السابع"...); غدا, يوم غد: the day after; بعد غد: two
//     days after. ("روسيا اليوم", "ذلك اليوم" are not today either.)
//   - A weekday with its article (الأحد ... السبت, optionally after يوم): the
//     latest such day on or before publication (news reports the past);
//     followed by المقبل/القادم the first one after publication; followed by
//     الماضي/المنصرم/الفائت the latest one strictly before it. A weekday that
//     opens a written date ("الجمعة 23 فبراير") gives way to that date.
//   - Day numbers joined by و, then a month name of any regional set (one or
//     two words, after optional "من"/"شهر") and an optional year: "12 مارس",
//     "يومي 12 و13 نوفمبر", "15 كانون الثاني 2017", "23 مايو/ أيار العام
//     2017". Without a year: followed by الماضي the latest such date on or
//     before publication, by المقبل the first on or after it, by الجاري the
//     one of the publication year; otherwise the year (of publication, the
//     one before or the one after) that puts the date closest to publication.
//     A day and month of a past anniversary ("نكسة 5 يونيو") cannot be told
//     apart and is read the same way.
//   - Day numbers followed by "من الشهر الجاري/الحالي", "هذا الشهر" (month of
//     publication), "الشهر الماضي/المنصرم/الفائت" (the one before), "الشهر
//     المقبل/القادم" (the one after).
//   - Numeric dates: "2018/02/23", "23/02/2018", "23-2-2018", "23.02.2018"
//     (day first unless the year comes first; a four-digit year required).
// A year alone ("عام 2017") is not an event date. Impossible dates (31 April)
// are dropped. Cost: one linear pass over the tokens; month names are looked
// up only after a day number. Thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "date.h"
#include "text/tokenizer.h"

namespace akhbar {

// The event dates of `text`, sorted and unique. `published` may be nullopt:
// then only absolute dates (written with their year) are returned.
// REQUIRES: tokens == tokenize(text) (the byte ranges are read to find the
// separators of numeric dates).
std::vector<Date> find_event_dates(std::string_view text, const std::vector<Token>& tokens,
                                   const std::optional<Date>& published);

}  // namespace akhbar
