#include "sync/couch_url.hpp"

#include "base/ascii.hpp"

namespace linli::sync {
namespace {

bool ValidDatabaseName(std::string_view name) {
    // CouchDB: a lowercase letter first, then lowercase letters, digits and _$()+-/
    if (name.empty() || name[0] < 'a' || name[0] > 'z') {
        return false;
    }
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
                        c == '(' || c == ')' || c == '+' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<DatabaseUrl> ParseDatabaseUrl(std::string_view text) {
    while (!text.empty() && (text.back() == '/' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    size_t scheme = 0;
    if (text.substr(0, 7) == "http://") {
        scheme = 7;
    } else if (text.substr(0, 8) == "https://") {
        scheme = 8;
    } else {
        return std::nullopt;
    }
    const size_t path = text.find('/', scheme);
    if (path == std::string_view::npos || path == scheme) {
        return std::nullopt; // no host, or no database
    }
    for (const char c : text) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '?' || c == '#') {
            return std::nullopt;
        }
    }
    const size_t last = text.rfind('/');
    const std::string_view name = text.substr(last + 1);
    if (!ValidDatabaseName(name)) {
        return std::nullopt;
    }
    return DatabaseUrl{std::string(text), std::string(text.substr(0, last + 1)), std::string(name)};
}

std::string UrlEncode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (IsAsciiAlnum(static_cast<char>(c)) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

} // namespace linli::sync
