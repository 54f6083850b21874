// One document from JSON (store/json_reader ParseJson, store/document FromJson and ToJson,
// the app's schema upgrades): ParseJson reads the same value as nlohmann's parser, a
// document read back from its persisted form is the same document, and upgrading any
// document of any type (AppSchemas) neither crashes nor leaves it older than it was.
#include "app/app_data.hpp"
#include "fuzz_support.hpp"
#include "store/json_reader.hpp"
#include "store/schema.hpp"

using namespace linli;
using store::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const store::SchemaRegistry schemas = AppSchemas();
    const std::string_view text = fuzz::AsText(data, size);
    Json json = store::ParseJson(text);
    const Json reference = Json::parse(text, nullptr, false);
    fuzz::Check(json.is_discarded() == reference.is_discarded(),
                "ParseJson refuses what Json::parse refuses");
    if (json.is_discarded()) {
        return 0;
    }
    fuzz::Check(json == reference, "ParseJson reads what Json::parse reads");
    size_t elements = 0;
    const bool array = store::ForEachElement(text, [&](Json&) { ++elements; });
    fuzz::Check(array == json.is_array(), "ForEachElement reads arrays only");
    fuzz::Check(!array || elements == json.size(), "ForEachElement visits every element");

    auto parsed = store::FromJson(std::move(json));
    auto* doc = std::get_if<store::Document>(&parsed);
    if (doc == nullptr) {
        return 0;
    }
    fuzz::Check(!doc->id.empty() && !doc->history.empty(), "a document has an id and history");
    auto again = store::FromJson(store::ToJson(*doc));
    auto* back = std::get_if<store::Document>(&again);
    fuzz::Check(back != nullptr, "a document's persisted form reads back");
    fuzz::Check(back->id == doc->id && back->rev == doc->rev && back->deleted == doc->deleted &&
                    back->body == doc->body && back->history == doc->history,
                "a document's persisted form reads back the same");
    (void)doc->Type();
    (void)doc->HasAncestor(doc->rev);
    const int before = store::SchemaRegistry::VersionOf(doc->body);
    const auto outcome = schemas.Upgrade(*doc);
    if (outcome == store::SchemaRegistry::Outcome::Upgraded) {
        fuzz::Check(store::SchemaRegistry::VersionOf(doc->body) > before,
                    "an upgrade raises the version");
    }
    (void)store::NextRevision(doc->rev, doc->body, doc->deleted);
    return 0;
}
