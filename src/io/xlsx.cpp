#include "io/xlsx.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

#include <expat.h>
#include <xlsxwriter.h>

#include "base/utf8.hpp"
#include "io/zip_reader.hpp"

namespace linli {

XlsxCell XlsxCell::Text(std::string t) {
    XlsxCell c;
    c.text = std::move(t);
    return c;
}

XlsxCell XlsxCell::Number(double d) {
    XlsxCell c;
    c.number = d;
    c.is_number = true;
    return c;
}

namespace {

constexpr size_t kMaxSheetNameChars = 31;   // Excel's limit
constexpr size_t kMaxCellChars = 32767;     // Excel's limit for one cell
constexpr uint32_t kMaxRows = 1048576;      // Excel's grid
constexpr uint32_t kMaxColumns = 16384;     // A..XFD
constexpr size_t kMaxCellsRead = 2'000'000; // cells (with the gaps filled) in one workbook
constexpr std::string_view kDefaultSheetName = "Sheet";

char AsciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool SameNameIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return AsciiLower(x) == AsciiLower(y);
           });
}

// The first `max_chars` characters of valid UTF-8 text (invalid bytes dropped).
std::string TruncateCharacters(std::string_view text, size_t max_chars) {
    std::string out;
    size_t chars = 0;
    for (size_t i = 0; i < text.size() && chars < max_chars;) {
        const Utf8Char c = DecodeUtf8Char(text, i);
        if (c.valid) {
            out.append(text.substr(i, c.length));
            ++chars;
        }
        i += c.length;
    }
    return out;
}

// A fresh file name in the temporary folder (MEMFS's /tmp on wasm), for libxlsxwriter
// 1.1.x, which writes only to files. <cstdio> rather than iostreams or <filesystem>: either
// would add far more to the wasm than the workbook code itself.
std::string TempFolder() {
    const char* dir = std::getenv("TMPDIR");
    return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

std::string TempXlsxPath(const std::string& folder) {
    static std::atomic<unsigned> counter{0};
    static const unsigned salt = std::random_device{}();
    return folder + "/linli-" + std::to_string(salt) + "-" + std::to_string(counter++) + ".xlsx";
}

bool ReadWholeFile(const std::string& path, std::string& out) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        return false;
    }
    char buf[1 << 16];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        out.append(buf, n);
    }
    const bool ok = std::ferror(f) == 0;
    std::fclose(f);
    return ok;
}

} // namespace

std::string SanitizeSheetName(std::string_view name, const std::vector<std::string>& taken) {
    std::string clean;
    for (char c : name) {
        const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' ||
                               c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
        clean += forbidden ? '_' : c;
    }
    // Excel also refuses a leading or trailing apostrophe.
    while (!clean.empty() && clean.front() == '\'') {
        clean.erase(clean.begin());
    }
    while (!clean.empty() && clean.back() == '\'') {
        clean.pop_back();
    }
    clean = TruncateCharacters(clean, kMaxSheetNameChars);
    if (clean.empty()) {
        clean = kDefaultSheetName;
    }
    auto is_taken = [&](const std::string& candidate) {
        return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) {
            return SameNameIgnoringCase(t, candidate);
        });
    };
    if (!is_taken(clean)) {
        return clean;
    }
    for (int n = 2;; ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        std::string candidate =
            TruncateCharacters(clean, kMaxSheetNameChars - CountCharacters(suffix)) + suffix;
        if (!is_taken(candidate)) {
            return candidate;
        }
    }
}

XlsxWriteResult WriteXlsx(const std::vector<XlsxSheet>& sheets) {
    XlsxWriteResult result;
    std::string tmpdir = TempFolder();
    const std::string path = TempXlsxPath(tmpdir);
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (wb == nullptr) {
        result.error = "could not start the workbook";
        return result;
    }
    // Text cells carry the "@" (text) number format, so that Excel keeps an edited phone
    // number as text too.
    lxw_format* text_format = workbook_add_format(wb);
    format_set_num_format(text_format, "@");
    std::vector<std::string> names;
    std::vector<XlsxSheet> fallback;
    const std::vector<XlsxSheet>* list = &sheets;
    if (sheets.empty()) {
        fallback.push_back(XlsxSheet{std::string(kDefaultSheetName) + "1", {}, {}});
        list = &fallback;
    }
    for (const XlsxSheet& sheet : *list) {
        names.push_back(SanitizeSheetName(sheet.name, names));
        lxw_worksheet* ws = workbook_add_worksheet(wb, names.back().c_str());
        if (ws == nullptr) {
            result.error = "could not add sheet " + names.back();
            break;
        }
        if (sheet.rows.size() > kMaxRows) {
            result.error = "sheet " + names.back() + " has more rows than Excel allows";
            break;
        }
        for (size_t c = 0; c < sheet.column_widths.size() && c < kMaxColumns; ++c) {
            if (sheet.column_widths[c] > 0) {
                worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                     std::min(sheet.column_widths[c], 255.0), nullptr);
            }
        }
        for (size_t r = 0; r < sheet.rows.size() && result.error.empty(); ++r) {
            const auto& row = sheet.rows[r];
            if (row.size() > kMaxColumns) {
                result.error = "a row has more columns than Excel allows";
                break;
            }
            for (size_t c = 0; c < row.size(); ++c) {
                const XlsxCell& cell = row[c];
                const auto rr = static_cast<lxw_row_t>(r);
                const auto cc = static_cast<lxw_col_t>(c);
                lxw_error err = LXW_NO_ERROR;
                if (cell.is_number) {
                    if (std::isfinite(cell.number)) {
                        err = worksheet_write_number(ws, rr, cc, cell.number, nullptr);
                    }
                } else if (!cell.text.empty()) {
                    // A string cell, never a formula, whatever the text looks like.
                    const std::string text = TruncateCharacters(cell.text, kMaxCellChars);
                    err = worksheet_write_string(ws, rr, cc, text.c_str(), text_format);
                }
                if (err != LXW_NO_ERROR) {
                    result.error = std::string("cell could not be written: ") + lxw_strerror(err);
                    break;
                }
            }
        }
        if (!result.error.empty()) {
            break;
        }
    }
    const lxw_error closed = workbook_close(wb); // frees wb, writes the file
    if (result.error.empty() && closed != LXW_NO_ERROR) {
        result.error = std::string("the workbook could not be saved: ") + lxw_strerror(closed);
    }
    if (result.error.empty()) {
        if (!ReadWholeFile(path, result.bytes) || result.bytes.empty()) {
            result.error = "the workbook could not be read back";
        }
    }
    std::remove(path.c_str());
    if (!result.error.empty()) {
        result.bytes.clear();
    }
    return result;
}

// --------------------------------------------------------------------------- reading

bool LooksLikeZip(std::string_view bytes) {
    return bytes.size() >= 4 && bytes.substr(0, 2) == "PK" &&
           ((bytes[2] == '\x03' && bytes[3] == '\x04') ||
            (bytes[2] == '\x05' && bytes[3] == '\x06'));
}

bool LooksLikeOle2(std::string_view bytes) {
    return bytes.size() >= 8 &&
           bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

std::string FormatXlsxNumber(double d) {
    // snprintf and strtod, not floating-point <charconv>: emscripten 3.1.6's libc++ has
    // none. Both use the "C" locale (the app never calls setlocale).
    if (!std::isfinite(d)) {
        return {};
    }
    char buf[64];
    if (d == std::floor(d) && std::fabs(d) < 9.0e18) {
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(d));
        return std::string(buf, r.ptr);
    }
    if (d == std::floor(d) && std::fabs(d) < 1e300) {
        std::snprintf(buf, sizeof buf, "%.0f", d);
        return buf;
    }
    // The shortest of %.1g .. %.17g that reads back as the same double.
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) {
            break;
        }
    }
    return buf;
}

namespace {

// Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string DecodeOoxmlEscapes(std::string text) {
    if (text.find("_x") == std::string::npos) {
        return text;
    }
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) &&
            hex(text[i + 3]) && hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_') {
            const char32_t cp =
                static_cast<char32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16));
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                AppendUtf8(out, U'\uFFFD');
            } else {
                AppendUtf8(out, cp);
            }
            i += 6;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string_view LocalName(const XML_Char* name) {
    std::string_view n(name);
    const size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const XML_Char** attrs, std::string_view local) {
    for (size_t i = 0; attrs[i] != nullptr; i += 2) {
        if (LocalName(attrs[i]) == local) {
            return attrs[i + 1];
        }
    }
    return nullptr;
}

class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    virtual void Start(std::string_view name, const XML_Char** attrs) = 0;
    virtual void End(std::string_view name) = 0;
    virtual void Text(std::string_view) {}
    XlsxReadError stop = XlsxReadError::None; // set to end the parse with this error
    std::string stop_detail;
};

struct XmlContext {
    XML_Parser parser;
    XmlHandler* handler;
    bool doctype = false;
};

uint64_t HashSalt() {
    static const uint64_t salt = [] {
        std::random_device rd;
        return (static_cast<uint64_t>(rd()) << 32) ^ rd();
    }();
    return salt;
}

// Parses a part; false with detail when it is not well-formed (or the handler stopped).
bool ParseXml(std::string_view xml, XmlHandler& handler, XlsxReadError& error, std::string& detail,
              std::string_view part) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (p == nullptr) {
        error = XlsxReadError::TooLarge;
        detail = "out of memory";
        return false;
    }
    XmlContext ctx{p, &handler};
    XML_SetHashSalt(p, static_cast<unsigned long>(HashSalt()));
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    XML_SetUserData(p, &ctx);
    XML_SetElementHandler(
        p,
        [](void* data, const XML_Char* name, const XML_Char** attrs) {
            auto* c = static_cast<XmlContext*>(data);
            c->handler->Start(LocalName(name), attrs);
            if (c->handler->stop != XlsxReadError::None) {
                XML_StopParser(c->parser, XML_FALSE);
            }
        },
        [](void* data, const XML_Char* name) {
            auto* c = static_cast<XmlContext*>(data);
            c->handler->End(LocalName(name));
            if (c->handler->stop != XlsxReadError::None) {
                XML_StopParser(c->parser, XML_FALSE);
            }
        });
    XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* s, int len) {
        static_cast<XmlContext*>(data)->handler->Text(
            std::string_view(s, static_cast<size_t>(len)));
    });
    // Workbook parts never declare a DTD; one that does (entity expansion tricks) is refused.
    XML_SetStartDoctypeDeclHandler(
        p, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* c = static_cast<XmlContext*>(data);
            c->doctype = true;
            XML_StopParser(c->parser, XML_FALSE);
        });
    const XML_Status status = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
    bool ok = status == XML_STATUS_OK;
    if (handler.stop != XlsxReadError::None) {
        error = handler.stop;
        detail = std::string(part) + ": " + handler.stop_detail;
        ok = false;
    } else if (ctx.doctype) {
        error = XlsxReadError::Damaged;
        detail = std::string(part) + ": a document type declaration is not allowed";
        ok = false;
    } else if (!ok) {
        error = XlsxReadError::Damaged;
        detail = std::string(part) + ": " + XML_ErrorString(XML_GetErrorCode(p)) + " at line " +
                 std::to_string(XML_GetCurrentLineNumber(p));
    }
    XML_ParserFree(p);
    return ok;
}

struct Relationship {
    std::string target;
    std::string type;
};

class RelsHandler : public XmlHandler {
  public:
    std::map<std::string, Relationship> by_id;
    void Start(std::string_view name, const XML_Char** attrs) override {
        if (name != "Relationship") {
            return;
        }
        const char* id = Attr(attrs, "Id");
        const char* target = Attr(attrs, "Target");
        const char* type = Attr(attrs, "Type");
        const char* mode = Attr(attrs, "TargetMode");
        if (id && target && !(mode && std::string_view(mode) == "External")) {
            by_id[id] = Relationship{target, type ? type : ""};
        }
    }
    void End(std::string_view) override {}
};

struct SheetRef {
    std::string name;
    std::string rel_id;
    bool hidden = false;
};

class WorkbookHandler : public XmlHandler {
  public:
    std::vector<SheetRef> sheets;
    void Start(std::string_view name, const XML_Char** attrs) override {
        if (name != "sheet") {
            return;
        }
        SheetRef s;
        const char* n = Attr(attrs, "name");
        const char* id = Attr(attrs, "id");
        const char* state = Attr(attrs, "state");
        s.name = n ? n : "";
        s.rel_id = id ? id : "";
        s.hidden = state && std::string_view(state) != "visible";
        sheets.push_back(std::move(s));
    }
    void End(std::string_view) override {}
};

// Shared strings: each <si> is a <t> or rich-text runs <r><t>; phonetic hints (<rPh>) skipped.
class SharedStringsHandler : public XmlHandler {
  public:
    std::vector<std::string> strings;
    void Start(std::string_view name, const XML_Char**) override {
        if (name == "si") {
            in_si_ = true;
            current_.clear();
        } else if (name == "rPh") {
            ++in_phonetic_;
        } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
            in_t_ = true;
        }
    }
    void End(std::string_view name) override {
        if (name == "si") {
            strings.push_back(DecodeOoxmlEscapes(std::move(current_)));
            current_.clear();
            in_si_ = false;
        } else if (name == "rPh") {
            --in_phonetic_;
        } else if (name == "t") {
            in_t_ = false;
        }
    }
    void Text(std::string_view s) override {
        if (in_t_) {
            current_.append(s);
        }
    }

  private:
    bool in_si_ = false, in_t_ = false;
    int in_phonetic_ = 0;
    std::string current_;
};

// "C5" -> column 2 (0-based); nullopt-like -1 when there are no letters or too many columns.
long ColumnOfReference(std::string_view ref) {
    long col = 0;
    size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
        col = col * 26 + (ref[i] - 'A' + 1);
        if (col > static_cast<long>(kMaxColumns)) {
            return -2;
        }
    }
    return i == 0 ? -1 : col - 1;
}

class SheetHandler : public XmlHandler {
  public:
    SheetHandler(const std::vector<std::string>& shared, size_t& cells_total)
        : shared_(shared), cells_total_(cells_total) {}
    std::vector<CsvRow> rows;

    void Start(std::string_view name, const XML_Char** attrs) override {
        if (name == "row") {
            const char* r = Attr(attrs, "r");
            unsigned long n = 0;
            if (r) {
                std::from_chars(r, r + std::char_traits<char>::length(r), n);
            }
            row_number_ = n > 0 && n <= kMaxRows ? n : row_number_ + 1;
            cells_.clear();
            next_col_ = 0;
            in_row_ = true;
        } else if (name == "c" && in_row_) {
            const char* ref = Attr(attrs, "r");
            const char* t = Attr(attrs, "t");
            long col = ref ? ColumnOfReference(ref) : -1;
            if (col == -2) {
                stop = XlsxReadError::Damaged;
                stop_detail = "cell reference beyond column XFD";
                return;
            }
            col_ = col >= 0 ? static_cast<size_t>(col) : next_col_;
            type_ = t ? t : "n";
            value_.clear();
            inline_.clear();
            in_cell_ = true;
        } else if (name == "v" && in_cell_) {
            in_v_ = true;
        } else if (name == "is" && in_cell_) {
            in_is_ = true;
        } else if (name == "rPh") {
            ++in_phonetic_;
        } else if (name == "t" && in_is_ && in_phonetic_ == 0) {
            in_t_ = true;
        }
    }

    void End(std::string_view name) override {
        if (name == "v") {
            in_v_ = false;
        } else if (name == "t") {
            in_t_ = false;
        } else if (name == "is") {
            in_is_ = false;
        } else if (name == "rPh") {
            --in_phonetic_;
        } else if (name == "c" && in_cell_) {
            in_cell_ = false;
            std::string text = CellText();
            next_col_ = col_ + 1;
            if (text.empty()) {
                return;
            }
            if (col_ >= cells_.size()) {
                cells_total_ += col_ + 1 - cells_.size();
                if (cells_total_ > kMaxCellsRead) {
                    stop = XlsxReadError::TooLarge;
                    stop_detail = "more than " + std::to_string(kMaxCellsRead) + " cells";
                    return;
                }
                cells_.resize(col_ + 1);
            }
            cells_[col_] = std::move(text);
        } else if (name == "row" && in_row_) {
            in_row_ = false;
            if (!cells_.empty()) {
                rows.push_back(CsvRow{row_number_, std::move(cells_)});
                cells_.clear();
            }
        }
    }

    void Text(std::string_view s) override {
        if (in_v_) {
            value_.append(s);
        } else if (in_t_) {
            inline_.append(s);
        }
    }

  private:
    std::string CellText() {
        if (type_ == "inlineStr") {
            return DecodeOoxmlEscapes(std::move(inline_));
        }
        if (type_ == "s") {
            size_t index = 0;
            const auto r = std::from_chars(value_.data(), value_.data() + value_.size(), index);
            if (r.ec != std::errc() || index >= shared_.size()) {
                return {};
            }
            return shared_[index];
        }
        if (type_ == "b") {
            return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
        }
        if (type_ == "str" || type_ == "e" || type_ == "d") {
            return DecodeOoxmlEscapes(std::move(value_));
        }
        // A number: integral values as integers (13800138000, not 1.3800138E10).
        if (value_.empty()) {
            return {};
        }
        const bool digits_only = std::all_of(value_.begin(), value_.end(),
                                             [](char c) { return c >= '0' && c <= '9'; }) ||
                                 (value_[0] == '-' && value_.size() > 1 &&
                                  std::all_of(value_.begin() + 1, value_.end(),
                                              [](char c) { return c >= '0' && c <= '9'; }));
        if (digits_only) {
            return value_;
        }
        char* end = nullptr;
        const double d = std::strtod(value_.c_str(), &end);
        if (end != value_.c_str() + value_.size()) {
            return value_;
        }
        return FormatXlsxNumber(d);
    }

    const std::vector<std::string>& shared_;
    size_t& cells_total_;
    size_t row_number_ = 0;
    std::vector<std::string> cells_;
    size_t col_ = 0, next_col_ = 0;
    std::string type_, value_, inline_;
    bool in_row_ = false, in_cell_ = false, in_v_ = false, in_is_ = false, in_t_ = false;
    int in_phonetic_ = 0;
};

// A relationship's target as a part name: relative to the source part's folder, or
// absolute ("/xl/worksheets/sheet1.xml"); "." and ".." resolved.
std::string ResolvePart(std::string_view source_dir, std::string_view target) {
    std::string joined = !target.empty() && target[0] == '/'
                             ? std::string(target.substr(1))
                             : std::string(source_dir) + std::string(target);
    std::vector<std::string> parts;
    for (size_t start = 0; start <= joined.size();) {
        size_t slash = joined.find('/', start);
        if (slash == std::string::npos) {
            slash = joined.size();
        }
        const std::string seg = joined.substr(start, slash - start);
        start = slash + 1;
        if (seg.empty() || seg == ".") {
            continue;
        }
        if (seg == "..") {
            if (!parts.empty()) {
                parts.pop_back();
            }
            continue;
        }
        parts.push_back(seg);
    }
    std::string out;
    for (const std::string& p : parts) {
        out += (out.empty() ? "" : "/") + p;
    }
    return out;
}

std::string_view FolderOf(std::string_view part) {
    const size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

std::string RelsPathOf(std::string_view part) {
    const size_t slash = part.rfind('/');
    const std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
    const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

XlsxReadError FromZipError(ZipError e) {
    switch (e) {
    case ZipError::None:
        return XlsxReadError::None;
    case ZipError::NotZip:
        return XlsxReadError::NotZip;
    case ZipError::TooLarge:
        return XlsxReadError::TooLarge;
    case ZipError::Encrypted:
        return XlsxReadError::Encrypted;
    case ZipError::Damaged:
    case ZipError::Unsupported:
        break;
    }
    return XlsxReadError::Damaged;
}

} // namespace

XlsxReadResult ReadXlsx(std::string_view bytes) {
    XlsxReadResult result;
    auto fail = [&](XlsxReadError error, std::string detail) {
        result.sheets.clear();
        result.error = error;
        result.detail = std::move(detail);
        return result;
    };
    if (LooksLikeOle2(bytes)) {
        return fail(XlsxReadError::Encrypted,
                    "an OLE2 compound file: an old .xls workbook or a password-protected one");
    }
    if (!LooksLikeZip(bytes)) {
        return fail(XlsxReadError::NotZip, "not a zip archive");
    }
    ZipReader zip(bytes);
    if (zip.error() != ZipError::None) {
        return fail(FromZipError(zip.error()), zip.detail());
    }
    auto extract = [&](const ZipEntry& e, std::string& out) { return zip.Extract(e, out); };
    std::string xml;
    // The workbook part: named by the package's relationships, xl/workbook.xml otherwise.
    std::string workbook_part = "xl/workbook.xml";
    if (const ZipEntry* root_rels = zip.Find("_rels/.rels")) {
        if (!extract(*root_rels, xml)) {
            return fail(FromZipError(zip.error()), zip.detail());
        }
        RelsHandler rels;
        if (ParseXml(xml, rels, result.error, result.detail, "_rels/.rels")) {
            for (const auto& [id, rel] : rels.by_id) {
                if (EndsWith(rel.type, "/officeDocument")) {
                    workbook_part = ResolvePart("", rel.target);
                }
            }
        }
        result.error = XlsxReadError::None;
        result.detail.clear();
    }
    const ZipEntry* workbook = zip.Find(workbook_part);
    if (workbook == nullptr) {
        return fail(XlsxReadError::NotXlsx, "no workbook in the archive");
    }
    if (!extract(*workbook, xml)) {
        return fail(FromZipError(zip.error()), zip.detail());
    }
    WorkbookHandler wb;
    if (!ParseXml(xml, wb, result.error, result.detail, workbook_part)) {
        return fail(result.error, result.detail);
    }
    RelsHandler rels;
    const std::string rels_part = RelsPathOf(workbook_part);
    if (const ZipEntry* e = zip.Find(rels_part)) {
        if (!extract(*e, xml)) {
            return fail(FromZipError(zip.error()), zip.detail());
        }
        if (!ParseXml(xml, rels, result.error, result.detail, rels_part)) {
            return fail(result.error, result.detail);
        }
    }
    const std::string_view dir = FolderOf(workbook_part);
    std::string shared_part = std::string(dir) + "sharedStrings.xml";
    for (const auto& [id, rel] : rels.by_id) {
        if (EndsWith(rel.type, "/sharedStrings")) {
            shared_part = ResolvePart(dir, rel.target);
        }
    }
    SharedStringsHandler shared;
    if (const ZipEntry* e = zip.Find(shared_part)) {
        if (!extract(*e, xml)) {
            return fail(FromZipError(zip.error()), zip.detail());
        }
        if (!ParseXml(xml, shared, result.error, result.detail, shared_part)) {
            return fail(result.error, result.detail);
        }
    }
    size_t cells_total = 0;
    for (size_t i = 0; i < wb.sheets.size(); ++i) {
        const SheetRef& ref = wb.sheets[i];
        std::string part;
        if (auto it = rels.by_id.find(ref.rel_id); it != rels.by_id.end()) {
            if (!EndsWith(it->second.type, "/worksheet")) {
                continue; // a chart sheet or dialog sheet: no cells
            }
            part = ResolvePart(dir, it->second.target);
        } else {
            part = std::string(dir) + "worksheets/sheet" + std::to_string(i + 1) + ".xml";
        }
        const ZipEntry* e = zip.Find(part);
        if (e == nullptr) {
            return fail(XlsxReadError::Damaged, "sheet " + ref.name + " is missing (" + part + ")");
        }
        if (!extract(*e, xml)) {
            return fail(FromZipError(zip.error()), zip.detail());
        }
        SheetHandler sheet(shared.strings, cells_total);
        if (!ParseXml(xml, sheet, result.error, result.detail, part)) {
            return fail(result.error, result.detail);
        }
        result.sheets.push_back(XlsxReadSheet{ref.name, ref.hidden, std::move(sheet.rows)});
    }
    if (result.sheets.empty() && wb.sheets.empty()) {
        return fail(XlsxReadError::NotXlsx, "the workbook lists no sheets");
    }
    return result;
}

const XlsxReadSheet* FirstSheetWithData(const XlsxReadResult& r) {
    for (const XlsxReadSheet& s : r.sheets) {
        if (!s.hidden && !s.rows.empty()) {
            return &s;
        }
    }
    return nullptr;
}

} // namespace linli
