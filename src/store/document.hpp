#pragma once
// A JSON document as CouchDB keeps it: _id, _rev ("N-hash"), _deleted, and the revision
// history (_revisions) that replication and conflict detection need.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/flat_map.hpp"

namespace linli::store {

// Objects are FlatMaps (store/flat_map.hpp): sorted like std::map, a fraction of its memory.
using Json = nlohmann::basic_json<FlatMap>;

struct Revision {
    int generation = 0;
    std::string hash;
    std::string ToString() const { return std::to_string(generation) + "-" + hash; }
    static std::optional<Revision> Parse(std::string_view rev);
};

struct Document {
    std::string id;
    std::string rev;
    bool deleted = false;
    Json body = Json::object();       // the fields without leading underscores
    std::vector<std::string> history; // revision hashes, newest first (history[0] is rev's)
    uint64_t seq = 0;                 // local change sequence (not persisted)

    int Generation() const;
    std::string_view Type() const;                  // the id's prefix before ':'
    bool HasAncestor(const std::string& rev) const; // rev is this one or in its history
};

// The persisted JSON form (what IndexedDB, backups and CouchDB see).
Json ToJson(const Document& doc);
// Parses the persisted form; the string says why it cannot be a document. Taken by value:
// a caller done with the JSON moves it in, and its fields are moved, not copied.
std::variant<Document, std::string> FromJson(Json json);

// The next revision after parent_rev ("" for a new document) for this content.
// Deterministic, as CouchDB's: the same edit of the same parent gives the same rev.
std::string NextRevision(const std::string& parent_rev, const Json& body, bool deleted);

// obj[key] if it is a string, else "" (never throws, whatever the JSON holds).
std::string StringField(const Json& obj, std::string_view key);
// obj[key] if it is an integer, else fallback; true only for a JSON true (never throw).
int64_t IntField(const Json& obj, std::string_view key, int64_t fallback = 0);
bool BoolField(const Json& obj, std::string_view key);

// Writes this version's fields over a stored body; keys of a newer app stay as they were.
void OverlayFields(Json& body, const Json& fields);

// Unknown keys (written by a newer app) fall back to the first value, never throw.
template <typename Enum, size_t N>
Enum EnumFromKey(const std::string& key, const Enum (&all)[N], const char* (*name)(Enum)) {
    for (const Enum e : all) {
        if (key == name(e)) {
            return e;
        }
    }
    return all[0];
}

// "volunteer" for "volunteer:k3x9-ab12-1"; "" when there is no prefix.
std::string_view TypeOf(std::string_view id);

} // namespace linli::store
