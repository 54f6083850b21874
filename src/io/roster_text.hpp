#pragma once
// Residents and rounds as people read them: address labels, status and flag names, and
// the files that leave the app (CSV for Excel/WPS, a printable checklist page).
#include <string>
#include <string_view>
#include <vector>

#include "core/sampling/sampling.hpp"
#include "io/xlsx.hpp"
#include "text/sampling_text.hpp"
#include "text/shell_text.hpp"

namespace linli {

// "3号楼" / "Building 3" for numbers; names that are not numbers stay as they are.
std::string BuildingLabel(std::string_view building, Language lang);
std::string UnitLabel(std::string_view unit, Language lang);
std::string RoomLabel(std::string_view room, Language lang);
// "3号楼 2单元 1502室".
std::string AddressLabel(const Resident& r, Language lang);
// Short form for lists: "3-2-1502".
std::string ShortAddress(const Resident& r);

SamplingText ControlLevelText(ControlLevel level);
SamplingText MarkStatusText(MarkStatus status);
SamplingText RoundKindText(RoundKind kind);
SamplingText TubeResultText(TubeResult result);
SamplingText PoolText(int pool_size);
SamplingText FlagText(uint32_t flag);
// "独居老人、卧床".
std::string FlagsLabel(uint32_t flags, Language lang);

// One CSV cell for Excel/WPS: quoted when it holds a comma, quote or line break; a cell
// starting with = + - @ (or a tab or CR) gets a leading ' so it is never run as a
// formula; long digit runs (phones, ID numbers) get a trailing tab so Excel keeps them as
// text instead of 1.38E+10.
std::string CsvCell(std::string_view text);
std::string CsvLine(const std::vector<std::string>& cells); // ends with CRLF
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The whole roster (UTF-8 with BOM, CRLF). ID numbers are exported only when asked.
std::string RosterCsv(const std::vector<Resident>& residents, Language lang, bool with_id_numbers);
// The same as an .xlsx workbook: every column a text cell (phones and ID numbers keep
// their digits), the birth year a number.
XlsxWriteResult RosterXlsx(const std::vector<Resident>& residents, Language lang,
                           bool with_id_numbers);
// "09:05" in the device's time zone (its offset from UTC in minutes).
std::string TimeOfDay(int64_t ms, int utc_offset_minutes);

// One round: every resident in scope with status, time, sampler and tube.
std::string RoundCsv(const Round& round, const std::vector<Resident>& residents,
                     const MarksByResident& marks, Language lang, int utc_offset_minutes);
// The same as an .xlsx workbook (one sheet named by the round's date), text cells.
XlsxWriteResult RoundXlsx(const Round& round, const std::vector<Resident>& residents,
                          const MarksByResident& marks, Language lang, int utc_offset_minutes);

// Text for HTML (& < > " ').
std::string HtmlEscape(std::string_view text);
// The start of every printed page, up to and including <body>: its language, its escaped
// title, its style, and a Content-Security-Policy that lets no script run and nothing load
// (the page is opened from a blob: URL of the site's origin; one missed escape must not run).
inline constexpr const char* kPrintableCsp = "default-src 'none'; style-src 'unsafe-inline'";
std::string PrintableHead(std::string_view title, std::string_view style, Language lang);
// A printable page: one building's households and residents with a box per person to
// tick, and (with a round) each one's status. Every value is escaped.
std::string ChecklistHtml(std::string_view building, ControlLevel level, const Round* round,
                          const std::vector<Resident>& residents, const MarksByResident& marks,
                          Language lang);

} // namespace linli
