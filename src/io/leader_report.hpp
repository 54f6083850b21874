#pragma once
// The daily report (日报) a leader sends upward: plain text to paste into WeChat (one line
// per subject) and the same numbers as an .xlsx workbook (numbers as numbers), both made
// from the day's summary (core/leader/daily.hpp).
#include <string>
#include <vector>

#include "core/leader/daily.hpp"
#include "io/xlsx.hpp"
#include "text/i18n.hpp"

namespace linli {

// "20.5": one decimal, none when whole ("48").
std::string HoursText(double hours);
// Whole percent of part in whole, rounded; 0 when whole is 0.
int PercentOf(size_t part, size_t whole);

// The report as text: a title line with the date and time, then sampling (and each
// building), sealed buildings, supplies, urgent needs, volunteers. Lines end with "\n".
std::string DailyReportText(const DailySummary& s, Language lang);

// The same as a workbook: the report's numbers (one row per item), sampling by building,
// undelivered orders by group buy, and the shifts short of people.
std::vector<XlsxSheet> DailyReportSheets(const DailySummary& s, Language lang);
XlsxWriteResult DailyReportXlsx(const DailySummary& s, Language lang);
// "日报-2026-12-03.xlsx" / "daily-report-2026-12-03.xlsx".
std::string DailyReportFileName(const DailySummary& s, Language lang);

} // namespace linli
