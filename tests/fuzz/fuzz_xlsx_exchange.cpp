// The forms handed between the app and the XLSX module (io/xlsx_exchange): a write request
// and a read reply, decoded from any bytes after their magic. What decodes, encoded again,
// decodes to the same.
#include <cstring>

#include "fuzz_support.hpp"
#include "io/xlsx_exchange.hpp"

using namespace linli;

namespace {

bool SameNumber(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool SameSheets(const std::vector<XlsxSheet>& a, const std::vector<XlsxSheet>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].rows.size() != b[i].rows.size() ||
            a[i].column_widths.size() != b[i].column_widths.size()) {
            return false;
        }
        for (size_t w = 0; w < a[i].column_widths.size(); ++w) {
            if (!SameNumber(a[i].column_widths[w], b[i].column_widths[w])) {
                return false;
            }
        }
        for (size_t r = 0; r < a[i].rows.size(); ++r) {
            const auto& ra = a[i].rows[r];
            const auto& rb = b[i].rows[r];
            if (ra.size() != rb.size()) {
                return false;
            }
            for (size_t c = 0; c < ra.size(); ++c) {
                if (ra[c].is_number != rb[c].is_number || ra[c].text != rb[c].text ||
                    !SameNumber(ra[c].number, rb[c].number)) {
                    return false;
                }
            }
        }
    }
    return true;
}

bool SameResult(const XlsxReadResult& a, const XlsxReadResult& b) {
    if (a.error != b.error || a.detail != b.detail || a.sheets.size() != b.sheets.size()) {
        return false;
    }
    for (size_t i = 0; i < a.sheets.size(); ++i) {
        const auto& sa = a.sheets[i];
        const auto& sb = b.sheets[i];
        if (sa.name != sb.name || sa.hidden != sb.hidden || sa.rows.size() != sb.rows.size()) {
            return false;
        }
        for (size_t r = 0; r < sa.rows.size(); ++r) {
            if (sa.rows[r].line != sb.rows[r].line || sa.rows[r].cells != sb.rows[r].cells) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte chooses the form; the rest follows its magic (the raw bytes are tried
    // as they are too, so a missing or wrong magic is covered).
    const std::string_view rest = fuzz::AsText(data + 1, size - 1);
    const bool write = (data[0] & 1) != 0;
    std::string bytes(write ? kXlsxWriteRequestMagic : kXlsxReadReplyMagic);
    bytes.append(rest);
    if (write) {
        (void)DecodeXlsxWriteRequest(rest);
        fuzz::Check(IsXlsxWriteRequest(bytes), "the magic makes a write request");
        const auto sheets = DecodeXlsxWriteRequest(bytes);
        if (sheets) {
            const auto again = DecodeXlsxWriteRequest(EncodeXlsxWriteRequest(*sheets));
            fuzz::Check(again && SameSheets(*sheets, *again), "a write request re-encodes");
        }
    } else {
        (void)DecodeXlsxReadReply(rest);
        fuzz::Check(IsXlsxReadReply(bytes), "the magic makes a read reply");
        const auto result = DecodeXlsxReadReply(bytes);
        if (result) {
            const auto again = DecodeXlsxReadReply(EncodeXlsxReadReply(*result));
            fuzz::Check(again && SameResult(*result, *again), "a read reply re-encodes");
        }
    }
    return 0;
}
