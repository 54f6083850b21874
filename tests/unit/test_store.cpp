#include <doctest/doctest.h>

#include "store/ids.hpp"
#include "store/store.hpp"

using namespace linli::store;

namespace {
Json Body(const char* name) {
    return Json{{"type", "volunteer"}, {"name", name}};
}
} // namespace

TEST_CASE("put creates, updates with the current rev, and refuses a stale one") {
    DocumentStore store;
    auto created = store.Put("volunteer:1", Body("张三"), "");
    REQUIRE(created.ok());
    CHECK_FALSE(created.value->previous.has_value());
    const std::string rev1 = created.value->doc.rev;
    CHECK(rev1.rfind("1-", 0) == 0);
    CHECK(store.Get("volunteer:1")->body["schema"] == 1);

    auto updated = store.Put("volunteer:1", Body("张三丰"), rev1);
    REQUIRE(updated.ok());
    CHECK(updated.value->previous->rev == rev1);
    CHECK(store.Get("volunteer:1")->Generation() == 2);
    CHECK(store.Get("volunteer:1")->history.size() == 2);

    auto stale = store.Put("volunteer:1", Body("李四"), rev1);
    CHECK_FALSE(stale.ok());
    CHECK(stale.error == EditError::Conflict);
    CHECK(store.Get("volunteer:1")->body["name"] == "张三丰");

    CHECK(store.Put("volunteer:2", Body("x"), "1-abc").error == EditError::NotFound);
    CHECK(store.Put("noprefix", Body("x"), "").error == EditError::Invalid);
    CHECK(store.Put("volunteer:3", Json{{"_evil", 1}}, "").error == EditError::Invalid);
    CHECK(store.Put("volunteer:1", Body("again"), "").error == EditError::Conflict);
}

TEST_CASE("remove leaves a tombstone without personal data, re-creating continues history") {
    DocumentStore store;
    const std::string rev1 = store.Put("volunteer:1", Body("张三"), "").value->doc.rev;
    auto removed = store.Remove("volunteer:1", rev1);
    REQUIRE(removed.ok());
    const Document* tomb = store.Get("volunteer:1");
    REQUIRE(tomb != nullptr);
    CHECK(tomb->deleted);
    CHECK(tomb->body.empty());
    CHECK(tomb->Generation() == 2);
    CHECK(store.OfType("volunteer").empty());
    CHECK(store.All().size() == 1);
    CHECK(store.Remove("volunteer:1", tomb->rev).error == EditError::NotFound);
    auto again = store.Put("volunteer:1", Body("张三"), "");
    REQUIRE(again.ok());
    CHECK(store.Get("volunteer:1")->Generation() == 3);
}

TEST_CASE("rollback restores what a failed write changed") {
    DocumentStore store;
    auto created = store.Put("volunteer:1", Body("张三"), "");
    auto updated = store.Put("volunteer:1", Body("李四"), created.value->doc.rev);
    store.Rollback(*updated.value);
    CHECK(store.Get("volunteer:1")->body["name"] == "张三");
    store.Rollback(*created.value);
    CHECK(store.Get("volunteer:1") == nullptr);
    CHECK(store.OfType("volunteer").empty());
}

TEST_CASE("the change sequence orders changes") {
    DocumentStore store;
    store.Put("volunteer:a", Body("a"), "");
    const uint64_t mark = store.Sequence();
    store.Put("volunteer:b", Body("b"), "");
    store.Put("volunteer:c", Body("c"), "");
    const auto changes = store.ChangesSince(mark);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0]->id == "volunteer:b");
    CHECK(changes[1]->id == "volunteer:c");
}

TEST_CASE("indexes follow edits and deletions") {
    DocumentStore store;
    store.AddIndex("volunteer", "phone");
    auto a = store.Put("volunteer:a", Json{{"phone", "13800000001"}}, "");
    store.Put("volunteer:b", Json{{"phone", "13800000002"}}, "");
    CHECK(store.Find("volunteer", "phone", "13800000001").size() == 1);
    auto a2 = store.Put("volunteer:a", Json{{"phone", "13900000009"}}, a.value->doc.rev);
    CHECK(store.Find("volunteer", "phone", "13800000001").empty());
    CHECK(store.Find("volunteer", "phone", "13900000009").front()->id == "volunteer:a");
    store.Remove("volunteer:a", a2.value->doc.rev);
    CHECK(store.Find("volunteer", "phone", "13900000009").empty());
    CHECK(store.Find("volunteer", "name", "x").empty()); // no such index
}

TEST_CASE("loading skips corrupted records and reports each") {
    DocumentStore store;
    const auto report = store.Load({
        {"volunteer:1", R"({"_id":"volunteer:1","_rev":"1-aa","name":"张三"})"},
        {"volunteer:2", "{not json"},
        {"volunteer:3", R"({"_id":"volunteer:3"})"},
        {"volunteer:4", R"({"_id":"volunteer:other","_rev":"1-aa"})"},
        {"volunteer:5", R"("just a string")"},
        {"volunteer:6",
         R"({"_id":"volunteer:6","_rev":"2-bb","_revisions":{"start":2,"ids":["bb","aa"]}})"},
    });
    CHECK(report.loaded == 2);
    REQUIRE(report.corrupted.size() == 4);
    CHECK(report.corrupted[0] ==
          std::pair<std::string, std::string>{"volunteer:2", "not valid JSON"});
    CHECK(report.corrupted[1].second == "no _rev");
    CHECK(report.corrupted[2].second == "stored under another key than its _id");
    CHECK(report.corrupted[3].second == "not a JSON object");
    CHECK(store.Get("volunteer:1")->body["name"] == "张三");
    CHECK(store.Get("volunteer:6")->history.size() == 2);
}

TEST_CASE("loading the page's JSON array form") {
    DocumentStore store;
    auto r =
        store.LoadJsonArray(R"([["volunteer:1",{"_id":"volunteer:1","_rev":"1-aa"}],["x"],42])");
    CHECK(r.loaded == 1);
    CHECK(r.corrupted.size() == 2);
    auto broken = store.LoadJsonArray("[[");
    CHECK(broken.loaded == 0);
    CHECK(broken.corrupted.size() == 1);
}

TEST_CASE("old documents are upgraded on load, newer ones are kept read-only") {
    SchemaRegistry schemas;
    // v1 had "mobile"; v2 calls it "phone"; v3 adds "active".
    schemas.Register("volunteer", {[](Json& b) {
                                       b["phone"] = b.value("mobile", "");
                                       b.erase("mobile");
                                   },
                                   [](Json& b) { b["active"] = true; }});
    DocumentStore store(schemas);
    const auto report = store.Load({
        {"volunteer:old", R"({"_id":"volunteer:old","_rev":"1-aa","mobile":"138"})"},
        {"volunteer:v2", R"({"_id":"volunteer:v2","_rev":"1-aa","schema":2,"phone":"139"})"},
        {"volunteer:now",
         R"({"_id":"volunteer:now","_rev":"1-aa","schema":3,"phone":"137","active":false})"},
        {"volunteer:future", R"({"_id":"volunteer:future","_rev":"1-aa","schema":9,"x":1})"},
    });
    CHECK(report.loaded == 4);
    CHECK(report.upgraded == 2);
    CHECK(report.newer == 1);
    const Document* old = store.Get("volunteer:old");
    CHECK(old->body["phone"] == "138");
    CHECK_FALSE(old->body.contains("mobile"));
    CHECK(old->body["active"] == true);
    CHECK(old->body["schema"] == 3);
    CHECK(store.Get("volunteer:v2")->body["active"] == true);
    CHECK(store.Get("volunteer:now")->body["active"] == false);
    CHECK(store.IsReadOnly("volunteer:future"));
    CHECK(store.Put("volunteer:future", Json{{"x", 2}}, "1-aa").error == EditError::ReadOnly);
    CHECK(store.Get("volunteer:future")->body["x"] == 1);
}

// Found by fuzz_document, fuzz_records and fuzz_backup (tests/fuzz): "schema":0 (or below,
// or past int) indexed the upgrade before the first, or the upgrades of a type that has
// none, when a document was loaded, merged from a backup or pulled.
TEST_CASE("a schema below 1 or past int neither crashes nor skips the upgrades") {
    SchemaRegistry schemas;
    schemas.Register("volunteer", {[](Json& b) { b["active"] = true; }});
    DocumentStore store(schemas);
    const auto report = store.Load({
        {"resident:x",
         R"({"_id":"resident:x","_rev":"3-cc","_revisions":{"start":3,"ids":["cc","bb","aa"]},"schema":0,"name":"王芳","building":"1"})"},
        {"volunteer:zero", R"({"_id":"volunteer:zero","_rev":"1-aa","schema":0})"},
        {"volunteer:minus", R"({"_id":"volunteer:minus","_rev":"1-aa","schema":-7})"},
        {"volunteer:wrapped", R"({"_id":"volunteer:wrapped","_rev":"1-aa","schema":4294967297})"},
        {"volunteer:huge",
         R"({"_id":"volunteer:huge","_rev":"1-aa","schema":18446744073709551615})"},
    });
    CHECK(report.loaded == 5);
    CHECK(report.upgraded == 2);
    CHECK(report.newer == 2);
    CHECK(store.Get("resident:x")->body["schema"] == 0); // a type without upgrades: as it was
    CHECK(store.Get("volunteer:zero")->body["active"] == true);
    CHECK(store.Get("volunteer:zero")->body["schema"] == 2);
    CHECK(store.Get("volunteer:minus")->body["schema"] == 2);
    CHECK(store.IsReadOnly("volunteer:wrapped"));
    CHECK(store.IsReadOnly("volunteer:huge"));
}

TEST_CASE("merge: add, fast-forward, already have") {
    DocumentStore a, b;
    std::vector<Change> changes;
    auto v1 = a.Put("volunteer:1", Body("张三"), "").value->doc;
    CHECK(b.Merge(v1, changes) == MergeOutcome::Added);
    auto v2 = a.Put("volunteer:1", Body("张三丰"), v1.rev).value->doc;
    CHECK(b.Merge(v2, changes) == MergeOutcome::Updated);
    CHECK(b.Get("volunteer:1")->body["name"] == "张三丰");
    CHECK(b.Merge(v1, changes) == MergeOutcome::AlreadyHave);
    CHECK(b.Merge(v2, changes) == MergeOutcome::AlreadyHave);
    CHECK(changes.size() == 2);
    Document bad = v2;
    bad.history = {"ffff"};
    CHECK(b.Merge(bad, changes) == MergeOutcome::Invalid);
}

TEST_CASE("merge: concurrent edits keep a deterministic winner and save the loser") {
    DocumentStore a, b;
    std::vector<Change> ignored;
    auto v1 = a.Put("volunteer:1", Body("张三"), "").value->doc;
    b.Merge(v1, ignored);
    auto on_a = a.Put("volunteer:1", Body("张三 A"), v1.rev).value->doc;
    auto on_b = b.Put("volunteer:1", Body("张三 B"), v1.rev).value->doc;
    std::vector<Change> ca, cb;
    CHECK(a.Merge(on_b, ca) == MergeOutcome::Conflict);
    CHECK(b.Merge(on_a, cb) == MergeOutcome::Conflict);
    // Both sides agree on the winner...
    CHECK(a.Get("volunteer:1")->rev == b.Get("volunteer:1")->rev);
    CHECK(a.Get("volunteer:1")->body == b.Get("volunteer:1")->body);
    // ...and both keep the loser as a conflict document.
    const auto conflicts_a = a.OfType("conflict");
    REQUIRE(conflicts_a.size() == 1);
    CHECK(conflicts_a[0]->body["of"] == "volunteer:1");
    const std::string loser_name = conflicts_a[0]->body["doc"]["name"];
    CHECK(loser_name != a.Get("volunteer:1")->body["name"]);
    CHECK(b.OfType("conflict").size() == 1);
    // A deleted side loses to an edited one, and (as in CouchDB) a deleted loser is no
    // conflict to choose: its branch is kept ended, so replication knows it has it.
    DocumentStore c;
    c.Merge(v1, ignored);
    auto deleted = c.Remove("volunteer:1", v1.rev).value->doc;
    std::vector<Change> cc;
    CHECK(c.Merge(on_a, cc) == MergeOutcome::Updated);
    CHECK_FALSE(c.Get("volunteer:1")->deleted);
    CHECK(c.ConflictsOf("volunteer:1").empty());
    CHECK(c.HasRevision("volunteer:1", deleted.rev));
}

TEST_CASE("ids are unique per device and sort by time") {
    IdGenerator gen("dev1");
    const auto a = gen.Make("volunteer", 1000);
    const auto b = gen.Make("volunteer", 1000);
    const auto c = gen.Make("volunteer", 999); // clock went back
    const auto d = gen.Make("volunteer", 5000);
    CHECK(a != b);
    CHECK(b != c);
    CHECK(a.rfind("volunteer:", 0) == 0);
    CHECK(a.find("-dev1-") != std::string::npos);
    CHECK(a < d);
    IdGenerator other("dev2");
    CHECK(other.Make("volunteer", 1000) != a);
    CHECK(Base36(35) == "z");
    CHECK(Base36(36, 4) == "0010");
}
