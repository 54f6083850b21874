#include "io/xlsx_exchange.hpp"

#include <cstdint>
#include <cstring>

namespace linli {
namespace {

// Lengths and counts are LEB128 varints; numbers are IEEE doubles, little-endian.
class Writer {
  public:
    explicit Writer(std::string_view magic) : out_(magic) {}
    void Count(uint64_t n) {
        do {
            const auto byte = static_cast<unsigned char>(n & 0x7F);
            n >>= 7;
            out_.push_back(static_cast<char>(n != 0 ? (byte | 0x80) : byte));
        } while (n != 0);
    }
    void Text(std::string_view s) {
        Count(s.size());
        out_.append(s);
    }
    void Number(double d) {
        uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        for (int i = 0; i < 8; ++i) {
            out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
        }
    }
    std::string Take() { return std::move(out_); }

  private:
    std::string out_;
};

class Reader {
  public:
    Reader(std::string_view bytes, std::string_view magic) : in_(bytes) {
        ok_ = in_.substr(0, magic.size()) == magic;
        at_ = magic.size();
    }
    bool Ok() const { return ok_; }
    bool AtEnd() const { return at_ == in_.size(); }
    // A count of items that each take at least one byte: never more than is left.
    size_t Count() {
        uint64_t n = 0;
        for (int shift = 0; ok_; shift += 7) {
            if (at_ >= in_.size() || shift > 56) {
                ok_ = false;
                break;
            }
            const auto byte = static_cast<unsigned char>(in_[at_++]);
            n |= static_cast<uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) {
                break;
            }
        }
        if (!ok_ || n > in_.size() - at_) {
            ok_ = false;
            return 0;
        }
        return static_cast<size_t>(n);
    }
    std::string Text() {
        const size_t n = Count();
        if (!ok_) {
            return {};
        }
        std::string s(in_.substr(at_, n));
        at_ += n;
        return s;
    }
    double Number() {
        if (!ok_ || in_.size() - at_ < 8) {
            ok_ = false;
            return 0;
        }
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) {
            bits |= static_cast<uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
        }
        at_ += 8;
        double d = 0;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    unsigned char Byte() {
        if (!ok_ || at_ >= in_.size()) {
            ok_ = false;
            return 0;
        }
        return static_cast<unsigned char>(in_[at_++]);
    }

  private:
    std::string_view in_;
    size_t at_ = 0;
    bool ok_ = false;
};

} // namespace

std::string EncodeXlsxWriteRequest(const std::vector<XlsxSheet>& sheets) {
    Writer w(kXlsxWriteRequestMagic);
    w.Count(sheets.size());
    for (const XlsxSheet& sheet : sheets) {
        w.Text(sheet.name);
        w.Count(sheet.column_widths.size());
        for (const double width : sheet.column_widths) {
            w.Number(width);
        }
        w.Count(sheet.rows.size());
        for (const auto& row : sheet.rows) {
            w.Count(row.size());
            for (const XlsxCell& cell : row) {
                if (cell.is_number) {
                    w.Count(1);
                    w.Number(cell.number);
                } else {
                    w.Count(0);
                    w.Text(cell.text);
                }
            }
        }
    }
    return w.Take();
}

std::optional<std::vector<XlsxSheet>> DecodeXlsxWriteRequest(std::string_view bytes) {
    Reader r(bytes, kXlsxWriteRequestMagic);
    std::vector<XlsxSheet> sheets(r.Count());
    for (XlsxSheet& sheet : sheets) {
        sheet.name = r.Text();
        sheet.column_widths.resize(r.Count());
        for (double& width : sheet.column_widths) {
            width = r.Number();
        }
        sheet.rows.resize(r.Count());
        for (auto& row : sheet.rows) {
            row.resize(r.Count());
            for (XlsxCell& cell : row) {
                const unsigned char kind = r.Byte();
                if (kind == 1) {
                    cell = XlsxCell::Number(r.Number());
                } else if (kind == 0) {
                    cell.text = r.Text();
                } else {
                    return std::nullopt;
                }
            }
            if (!r.Ok()) {
                return std::nullopt;
            }
        }
    }
    if (!r.Ok() || !r.AtEnd()) {
        return std::nullopt;
    }
    return sheets;
}

bool IsXlsxWriteRequest(std::string_view bytes) {
    return bytes.substr(0, kXlsxWriteRequestMagic.size()) == kXlsxWriteRequestMagic;
}

std::string EncodeXlsxReadReply(const XlsxReadResult& result) {
    Writer w(kXlsxReadReplyMagic);
    w.Count(static_cast<uint64_t>(result.error));
    w.Text(result.detail);
    w.Count(result.sheets.size());
    for (const XlsxReadSheet& sheet : result.sheets) {
        w.Text(sheet.name);
        w.Count(sheet.hidden ? 1 : 0);
        w.Count(sheet.rows.size());
        for (const CsvRow& row : sheet.rows) {
            w.Count(row.line);
            w.Count(row.cells.size());
            for (const std::string& cell : row.cells) {
                w.Text(cell);
            }
        }
    }
    return w.Take();
}

std::optional<XlsxReadResult> DecodeXlsxReadReply(std::string_view bytes) {
    Reader r(bytes, kXlsxReadReplyMagic);
    XlsxReadResult result;
    const unsigned char error = r.Byte();
    if (error > static_cast<unsigned char>(XlsxReadError::Encrypted)) {
        return std::nullopt;
    }
    result.error = static_cast<XlsxReadError>(error);
    result.detail = r.Text();
    result.sheets.resize(r.Count());
    for (XlsxReadSheet& sheet : result.sheets) {
        sheet.name = r.Text();
        sheet.hidden = r.Byte() == 1;
        sheet.rows.resize(r.Count());
        for (CsvRow& row : sheet.rows) {
            // The line number is no count of bytes left: read as a plain varint.
            uint64_t line = 0;
            for (int shift = 0; r.Ok() && shift <= 56; shift += 7) {
                const unsigned char byte = r.Byte();
                line |= static_cast<uint64_t>(byte & 0x7F) << shift;
                if ((byte & 0x80) == 0) {
                    break;
                }
            }
            row.line = static_cast<size_t>(line);
            row.cells.resize(r.Count());
            for (std::string& cell : row.cells) {
                cell = r.Text();
            }
            if (!r.Ok()) {
                return std::nullopt;
            }
        }
    }
    if (!r.Ok() || !r.AtEnd()) {
        return std::nullopt;
    }
    return result;
}

bool IsXlsxReadReply(std::string_view bytes) {
    return bytes.substr(0, kXlsxReadReplyMagic.size()) == kXlsxReadReplyMagic;
}

#ifdef LINLI_XLSX_IN_MODULE
XlsxWriteResult MakeXlsx(const std::vector<XlsxSheet>& sheets) {
    return {EncodeXlsxWriteRequest(sheets), ""};
}
bool XlsxReadInModule() {
    return true;
}
#else
XlsxWriteResult MakeXlsx(const std::vector<XlsxSheet>& sheets) {
    return WriteXlsx(sheets);
}
bool XlsxReadInModule() {
    return false;
}
#endif

} // namespace linli
