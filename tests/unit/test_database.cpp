#include <doctest/doctest.h>

#include "store/database.hpp"

using namespace linli::store;

namespace {
// Records writes; the test decides when each completes or fails.
class RecordingPersistence final : public Persistence {
  public:
    void Write(uint64_t txn, const std::string& batch_json) override {
        writes.emplace_back(txn, Json::parse(batch_json));
    }
    std::vector<std::pair<uint64_t, Json>> writes;
};
} // namespace

TEST_CASE("saved only after the write completes, one transaction per action") {
    DocumentStore store;
    RecordingPersistence p;
    Database db(store, p);
    CHECK(db.State().status == SaveStatus::Idle);
    auto change = store.Put("volunteer:1", Json{{"name", "张三"}}, "");
    const uint64_t txn = db.Commit({*change.value});
    REQUIRE(p.writes.size() == 1);
    CHECK(p.writes[0].first == txn);
    const Json& record = p.writes[0].second[0];
    CHECK(record["key"] == "volunteer:1");
    CHECK(record["expect"].is_null());
    CHECK(record["doc"]["name"] == "张三");
    CHECK(record["doc"]["_rev"] == store.Get("volunteer:1")->rev);
    CHECK(db.State().status == SaveStatus::Saving);
    db.Committed(txn);
    CHECK(db.State().status == SaveStatus::Saved);
    CHECK(db.Commit({}) == 0);
}

TEST_CASE("an update expects the rev it replaced") {
    DocumentStore store;
    RecordingPersistence p;
    Database db(store, p);
    auto c1 = store.Put("volunteer:1", Json{{"name", "a"}}, "");
    db.Committed(db.Commit({*c1.value}));
    auto c2 = store.Put("volunteer:1", Json{{"name", "b"}}, c1.value->doc.rev);
    db.Commit({*c2.value});
    CHECK(p.writes[1].second[0]["expect"] == c1.value->doc.rev);
}

TEST_CASE("a failed write is rolled back and reported, nothing shows as saved") {
    DocumentStore store;
    RecordingPersistence p;
    Database db(store, p);
    auto c1 = store.Put("volunteer:1", Json{{"name", "a"}}, "");
    const uint64_t t1 = db.Commit({*c1.value});
    db.Failed(t1, FailureKind::Quota, "QuotaExceededError", "");
    CHECK(store.Get("volunteer:1") == nullptr);
    CHECK(db.State().status == SaveStatus::Failed);
    CHECK(db.State().failure == FailureKind::Quota);
    CHECK(db.State().error == "QuotaExceededError");
}

TEST_CASE("a conflicting write takes the stored version instead") {
    DocumentStore store;
    RecordingPersistence p;
    Database db(store, p);
    auto c1 = store.Put("volunteer:1", Json{{"name", "a"}}, "");
    db.Committed(db.Commit({*c1.value}));
    // Another tab stored revision 2 "from other tab" meanwhile.
    Document theirs = c1.value->doc;
    theirs.body = Json{{"name", "from other tab"}, {"schema", 1}};
    theirs.rev = NextRevision(c1.value->doc.rev, theirs.body, false);
    theirs.history.insert(theirs.history.begin(), Revision::Parse(theirs.rev)->hash);
    auto mine = store.Put("volunteer:1", Json{{"name", "mine"}}, c1.value->doc.rev);
    const uint64_t t2 = db.Commit({*mine.value});
    const std::string stored = Json::array({Json::array({"volunteer:1", ToJson(theirs)})}).dump();
    db.Failed(t2, FailureKind::Conflict, "changed elsewhere", stored);
    CHECK(store.Get("volunteer:1")->body["name"] == "from other tab");
    CHECK(store.Get("volunteer:1")->rev == theirs.rev);
    CHECK(db.State().failure == FailureKind::Conflict);
}
