#include <doctest/doctest.h>

#include "store/document.hpp"

using namespace linli::store;

TEST_CASE("revisions are N-hash and deterministic") {
    const Json body{{"name", "张三"}};
    const std::string r1 = NextRevision("", body, false);
    CHECK(r1.rfind("1-", 0) == 0);
    CHECK(r1.size() == 2 + 32);
    CHECK(NextRevision("", body, false) == r1);
    CHECK(NextRevision("", Json{{"name", "李四"}}, false) != r1);
    CHECK(NextRevision("", body, true) != r1);
    const std::string r2 = NextRevision(r1, body, false);
    CHECK(r2.rfind("2-", 0) == 0);
    CHECK(Revision::Parse(r2)->generation == 2);
    CHECK_FALSE(Revision::Parse("x-abc").has_value());
    CHECK_FALSE(Revision::Parse("0-abc").has_value());
    CHECK_FALSE(Revision::Parse("3-").has_value());
    CHECK_FALSE(Revision::Parse("3-XYZ").has_value());
}

TEST_CASE("the persisted form round-trips with history and tombstones") {
    Document doc;
    doc.id = "volunteer:abc";
    doc.rev = "2-bbbb";
    doc.history = {"bbbb", "aaaa"};
    doc.body = Json{{"name", "王五"}, {"schema", 1}};
    const Json json = ToJson(doc);
    CHECK(json["_id"] == "volunteer:abc");
    CHECK(json["_revisions"]["start"] == 2);
    CHECK(json["_revisions"]["ids"] == Json::array({"bbbb", "aaaa"}));
    CHECK_FALSE(json.contains("_deleted"));
    auto back = FromJson(json);
    REQUIRE(std::holds_alternative<Document>(back));
    const Document& d = std::get<Document>(back);
    CHECK(d.rev == "2-bbbb");
    CHECK(d.history == doc.history);
    CHECK(d.body == doc.body);
    CHECK(d.HasAncestor("1-aaaa"));
    CHECK_FALSE(d.HasAncestor("1-cccc"));
    CHECK_FALSE(d.HasAncestor("3-bbbb"));

    doc.deleted = true;
    auto tomb = FromJson(ToJson(doc));
    CHECK(std::get<Document>(tomb).deleted);
}

TEST_CASE("corrupted documents say what is wrong") {
    auto why = [](const Json& j) {
        auto r = FromJson(j);
        return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : std::string();
    };
    CHECK(why(Json::array()) == "not a JSON object");
    CHECK(why(Json{{"_rev", "1-aa"}}) == "no _id");
    CHECK(why(Json{{"_id", "volunteer:x"}}) == "no _rev");
    CHECK(why(Json{{"_id", "volunteer:x"}, {"_rev", "banana"}}).find("malformed _rev") == 0);
    CHECK(why(Json{{"_id", "volunteer:x"},
                   {"_rev", "2-aa"},
                   {"_revisions", Json{{"start", 2}, {"ids", Json::array({"bb"})}}}}) ==
          "_revisions does not match _rev");
    CHECK(why(Json{{"_id", "volunteer:x"}, {"_rev", "1-aa"}, {"_revisions", 5}}) ==
          "malformed _revisions");
    CHECK(why(Json{{"_id", "volunteer:x"}, {"_rev", "1-aa"}}).empty());
}

TEST_CASE("string fields never throw") {
    const Json j{{"name", 5}, {"phone", "138"}};
    CHECK(StringField(j, "name").empty());
    CHECK(StringField(j, "phone") == "138");
    CHECK(StringField(j, "missing").empty());
    CHECK(StringField(Json::array(), "x").empty());
    CHECK(TypeOf("volunteer:abc") == "volunteer");
    CHECK(TypeOf("noprefix").empty());
}

TEST_CASE("JSON objects keep std::map's meaning in a flat sorted vector") {
    Json body = Json::object();
    body["zeta"] = 1;
    body["alpha"] = "a";
    body["mid"] = Json::array({1, 2});
    body["alpha"] = "again"; // replaces, never duplicates
    CHECK(body.size() == 3);
    CHECK(body.dump() == R"({"alpha":"again","mid":[1,2],"zeta":1})");
    // Equal content is equal whatever the order it was built in, and revs agree.
    const Json other{{"mid", Json::array({1, 2})}, {"zeta", 1}, {"alpha", "again"}};
    CHECK(body == other);
    CHECK(NextRevision("", body, false) == NextRevision("", other, false));
    // Transparent lookups, erase in the middle, emplace of a taken key.
    const std::string_view key = "mid";
    CHECK(body.contains(key));
    CHECK(body.find(key)->size() == 2);
    CHECK(body.erase("mid") == 1);
    CHECK(body.erase("mid") == 0);
    CHECK(body.dump() == R"({"alpha":"again","zeta":1})");
    CHECK_FALSE(body.emplace("zeta", 5).second);
    CHECK(body["zeta"] == 1);
    CHECK(body.value("missing", 7) == 7);
    // Parsing a dump whose keys are out of order sorts them; update() merges.
    Json parsed = Json::parse(R"({"b":1,"a":{"y":2,"x":3},"c":null})");
    CHECK(parsed.dump() == R"({"a":{"x":3,"y":2},"b":1,"c":null})");
    parsed.update(Json{{"b", 9}, {"d", true}});
    CHECK(parsed.dump() == R"({"a":{"x":3,"y":2},"b":9,"c":null,"d":true})");
    // Erasing every key while iterating keys collected first (as FromJson does).
    std::vector<std::string> keys;
    for (const auto& item : parsed.items()) {
        keys.push_back(item.key());
    }
    for (const auto& k : keys) {
        parsed.erase(k);
    }
    CHECK(parsed.empty());
    CHECK(parsed.is_object());
}
