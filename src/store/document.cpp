#include "store/document.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "base/hash.hpp"

namespace linli::store {
namespace {

bool IsHex(std::string_view s) {
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return !s.empty();
}

} // namespace

std::optional<Revision> Revision::Parse(std::string_view rev) {
    const size_t dash = rev.find('-');
    if (dash == std::string_view::npos || dash == 0) {
        return std::nullopt;
    }
    int generation = 0;
    const auto [ptr, ec] = std::from_chars(rev.data(), rev.data() + dash, generation);
    if (ec != std::errc() || ptr != rev.data() + dash || generation < 1) {
        return std::nullopt;
    }
    const std::string_view hash = rev.substr(dash + 1);
    if (!IsHex(hash)) {
        return std::nullopt;
    }
    return Revision{generation, std::string(hash)};
}

int Document::Generation() const {
    const auto r = Revision::Parse(rev);
    return r ? r->generation : 0;
}

std::string_view Document::Type() const {
    return TypeOf(id);
}

bool Document::HasAncestor(const std::string& other) const {
    const auto mine = Revision::Parse(rev);
    const auto theirs = Revision::Parse(other);
    if (!mine || !theirs || theirs->generation > mine->generation) {
        return false;
    }
    const size_t back = static_cast<size_t>(mine->generation - theirs->generation);
    return back < history.size() && history[back] == theirs->hash;
}

std::string StringField(const Json& obj, std::string_view key) {
    if (!obj.is_object()) {
        return {};
    }
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void OverlayFields(Json& body, const Json& fields) {
    for (const auto& [key, value] : fields.items()) {
        body[key] = value;
    }
}

int64_t IntField(const Json& obj, std::string_view key, int64_t fallback) {
    if (!obj.is_object()) {
        return fallback;
    }
    const auto it = obj.find(key);
    return it != obj.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

bool BoolField(const Json& obj, std::string_view key) {
    if (!obj.is_object()) {
        return false;
    }
    const auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

std::string_view TypeOf(std::string_view id) {
    const size_t colon = id.find(':');
    return colon == std::string_view::npos ? std::string_view() : id.substr(0, colon);
}

Json ToJson(const Document& doc) {
    Json out = doc.body;
    out["_id"] = doc.id;
    out["_rev"] = doc.rev;
    if (doc.deleted) {
        out["_deleted"] = true;
    }
    out["_revisions"] = Json{{"start", doc.Generation()}, {"ids", doc.history}};
    return out;
}

std::variant<Document, std::string> FromJson(Json json) {
    if (!json.is_object()) {
        return std::string("not a JSON object");
    }
    Document doc;
    const auto id = json.find("_id");
    if (id == json.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
        return std::string("no _id");
    }
    doc.id = id->get<std::string>();
    const auto rev = json.find("_rev");
    if (rev == json.end() || !rev->is_string()) {
        return std::string("no _rev");
    }
    doc.rev = rev->get<std::string>();
    const auto parsed = Revision::Parse(doc.rev);
    if (!parsed) {
        return "malformed _rev \"" + doc.rev + "\"";
    }
    const auto deleted = json.find("_deleted");
    doc.deleted = deleted != json.end() && deleted->is_boolean() && deleted->get<bool>();
    const auto revisions = json.find("_revisions");
    if (revisions != json.end()) {
        const auto start = revisions->find("start");
        const auto ids = revisions->find("ids");
        if (!revisions->is_object() || start == revisions->end() || ids == revisions->end() ||
            !start->is_number_integer() || !ids->is_array() || ids->empty() ||
            start->get<int>() != parsed->generation) {
            return std::string("malformed _revisions");
        }
        for (const auto& h : *ids) {
            if (!h.is_string() || !IsHex(h.get_ref<const std::string&>())) {
                return std::string("malformed _revisions");
            }
            doc.history.push_back(h.get<std::string>());
        }
        if (doc.history.front() != parsed->hash) {
            return std::string("_revisions does not match _rev");
        }
    } else {
        doc.history.push_back(parsed->hash);
    }
    // The body is the object without its underscore keys: erased in place, not rebuilt.
    // Keys are sorted, so those starting with '_' sit together: one erase takes them all.
    auto& members = json.get_ref<Json::object_t&>();
    const auto first = std::find_if(members.begin(), members.end(), [](const auto& m) {
        return !m.first.empty() && m.first[0] == '_';
    });
    const auto last = std::find_if(
        first, members.end(), [](const auto& m) { return m.first.empty() || m.first[0] != '_'; });
    members.erase(first, last);
    doc.body = std::move(json);
    return doc;
}

std::string NextRevision(const std::string& parent_rev, const Json& body, bool deleted) {
    const auto parent = Revision::Parse(parent_rev);
    const int generation = parent ? parent->generation + 1 : 1;
    // Json objects keep their keys sorted (FlatMap), so dump() is canonical.
    const std::string material = parent_rev + (deleted ? "\x01" : "\x00") + body.dump();
    // Two seeds of FNV-1a give a 128-bit content hash (32 hex digits, like CouchDB's md5).
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx",
                  static_cast<unsigned long long>(Fnv1a64(material)),
                  static_cast<unsigned long long>(Fnv1a64(material, 0x84222325cbf29ce4ULL)));
    return std::to_string(generation) + "-" + hex;
}

} // namespace linli::store
