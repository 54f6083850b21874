#pragma once
// A CouchDB database URL ("http://host:5984/linli", maybe behind a path prefix such as
// "https://example.org/couch/linli") split into what the protocol needs.
#include <optional>
#include <string>
#include <string_view>

namespace linli::sync {

struct DatabaseUrl {
    std::string database; // ".../linli" without a trailing slash
    std::string server;   // ".../" the folder above it: where _session lives
    std::string name;     // "linli"
};

// nullopt unless http(s)://host[:port]/[prefix/]name with a valid CouchDB name.
std::optional<DatabaseUrl> ParseDatabaseUrl(std::string_view text);

// Percent-encodes a document id or query value (unreserved characters stay).
std::string UrlEncode(std::string_view text);

} // namespace linli::sync
