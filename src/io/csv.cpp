#include "io/csv.hpp"

#include <array>
#include <map>

namespace linli {
namespace {

constexpr size_t kDelimiterSampleRecords = 10;

// Line breaks in quoted text: CRLF counts once, like a lone CR or LF.
size_t CountLineBreaks(std::string_view text) {
    size_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++count;
        } else if (text[i] == '\r') {
            ++count;
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        }
    }
    return count;
}

// Delimiters outside quotes on each of the first non-blank records, read as if
// `delimiter` were the one (a quote opens a quoted field only at the start of a field).
std::vector<size_t> CountDelimiters(std::string_view s, char delimiter) {
    std::vector<size_t> counts;
    size_t count = 0;
    bool in_quotes = false, field_start = true, record_has_text = false;
    for (size_t i = 0; i < s.size() && counts.size() < kDelimiterSampleRecords; ++i) {
        const char c = s[i];
        if (in_quotes) {
            if (c == '"') {
                in_quotes = i + 1 < s.size() && s[i + 1] == '"';
                i += in_quotes; // "" stays inside the quotes
            }
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (record_has_text) {
                counts.push_back(count);
            }
            count = 0;
            record_has_text = false;
            field_start = true;
            continue;
        }
        record_has_text = true;
        if (c == delimiter) {
            ++count;
            field_start = true;
            continue;
        }
        in_quotes = c == '"' && field_start;
        field_start = false;
    }
    if (record_has_text && counts.size() < kDelimiterSampleRecords) {
        counts.push_back(count);
    }
    return counts;
}

} // namespace

char DetectCsvDelimiter(std::string_view utf8) {
    // Ties go to the earlier candidate: comma is by far the most common.
    constexpr std::array<char, 3> kCandidates = {',', '\t', ';'};
    char best = ',';
    size_t best_records = 0, best_count = 0;
    for (const char candidate : kCandidates) {
        // The count most records agree on (the column count minus one), and how many do.
        std::map<size_t, size_t> records_with_count;
        for (const size_t count : CountDelimiters(utf8, candidate)) {
            if (count > 0) {
                ++records_with_count[count];
            }
        }
        for (const auto& [count, records] : records_with_count) {
            if (records > best_records || (records == best_records && count > best_count)) {
                best = candidate;
                best_records = records;
                best_count = count;
            }
        }
    }
    return best;
}

CsvResult ParseCsv(std::string_view utf8) {
    return ParseCsv(utf8, DetectCsvDelimiter(utf8));
}

CsvResult ParseCsv(std::string_view s, char delimiter) {
    CsvResult result;
    result.delimiter = delimiter;
    const size_t n = s.size();
    size_t i = 0;
    size_t line = 1;
    std::vector<std::string> cells;
    while (i < n) {
        const size_t record_line = line;
        bool has_text = false;
        cells.clear();
        for (;;) {
            std::string cell;
            if (i < n && s[i] == '"') {
                const size_t quote_line = line;
                ++i;
                for (;;) {
                    const size_t quote = s.find('"', i);
                    if (quote == std::string_view::npos) {
                        result.error = CsvError::UnterminatedQuote;
                        result.error_line = quote_line;
                        return result;
                    }
                    const std::string_view chunk = s.substr(i, quote - i);
                    line += CountLineBreaks(chunk);
                    cell.append(chunk);
                    if (quote + 1 < n && s[quote + 1] == '"') {
                        cell.push_back('"');
                        i = quote + 2;
                        continue;
                    }
                    i = quote + 1;
                    break;
                }
            }
            // An unquoted field, or what follows a closing quote (Excel keeps it as text).
            size_t end = i;
            while (end < n && s[end] != delimiter && s[end] != '\n' && s[end] != '\r') {
                ++end;
            }
            cell.append(s.substr(i, end - i));
            i = end;
            has_text = has_text || !cell.empty();
            cells.push_back(std::move(cell));
            if (i < n && s[i] == delimiter) {
                ++i;
                continue;
            }
            if (i < n) { // a line end: CRLF, LF or CR
                i += (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                ++line;
            }
            break;
        }
        if (has_text) {
            result.rows.push_back(CsvRow{record_line, std::move(cells)});
            cells = {};
        }
    }
    return result;
}

} // namespace linli
