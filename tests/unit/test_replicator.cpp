// The replicator against a fake CouchDB (tests/unit/fake_couch.hpp): every protocol path,
// interruptions, refusals and malformed replies. Sections: devices; pull; push; two
// devices (edits, deletions, conflicts); durability and resumption; login and refusals;
// malformed replies; live mode and backoff.
#include <doctest/doctest.h>

#include "fake_couch.hpp"
#include "store/database.hpp"
#include "sync/replicator.hpp"

namespace linli {
namespace {

using store::Json;
using sync::Failure;
using sync::Phase;
using testing::FakeCouch;

// ---------------------------------------------------------------- devices

// Writes complete at once, or (hold) only when the test says so, as IndexedDB would.
class TestPersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string&) override {
        ++writes;
        if (fail_next) {
            fail_next = false;
            db->Failed(txn, store::FailureKind::Quota, "QuotaExceededError", "");
        } else if (hold) {
            held.push_back(txn);
        } else {
            db->Committed(txn);
        }
    }
    void Release() {
        for (const uint64_t txn : held) {
            db->Committed(txn);
        }
        held.clear();
    }
    store::Database* db = nullptr;
    bool hold = false;
    bool fail_next = false;
    std::vector<uint64_t> held;
    int writes = 0;
};

struct Device {
    explicit Device(FakeCouch& couch, std::string tag = "dev1",
                    sync::ReplicatorOptions options = {})
        : db(store, persistence), replicator(store, db, couch, std::move(tag), options) {
        persistence.db = &db;
        replicator.Configure({couch.Url(), "", ""});
    }
    // Steps until the run is over (or the step budget is spent).
    void Sync(int64_t now = 1000) {
        replicator.SyncNow(now);
        Settle(now);
    }
    void Settle(int64_t now = 1000) {
        for (int i = 0; i < 500; ++i) {
            replicator.Step(now);
            if (!replicator.Running() && !replicator.WakeAt()) {
                break;
            }
        }
    }
    void Put(const std::string& id, Json body) {
        const store::Document* d = store.Get(id);
        auto r = store.Put(id, std::move(body), d && !d->deleted ? d->rev : "");
        REQUIRE(r.ok());
        db.Commit({*r.value});
    }
    void Remove(const std::string& id) {
        auto r = store.Remove(id, store.Get(id)->rev);
        REQUIRE(r.ok());
        db.Commit({*r.value});
    }
    std::string Name(const std::string& id) const {
        const store::Document* d = store.Get(id);
        return d && !d->deleted ? store::StringField(d->body, "name") : std::string("(none)");
    }
    const sync::Status& Status() const { return replicator.GetStatus(); }

    store::DocumentStore store;
    TestPersistence persistence;
    store::Database db;
    sync::Replicator replicator;
};

Json Named(const std::string& name) {
    return Json{{"name", name}};
}

size_t Count(const FakeCouch& couch, const std::string& path) {
    size_t n = 0;
    for (const auto& r : couch.log) {
        n += r.url.find(path) != std::string::npos;
    }
    return n;
}

} // namespace

// ---------------------------------------------------------------- pull

TEST_CASE("sync: a pull brings every document in batches and checkpoints both sides") {
    FakeCouch couch;
    for (int i = 0; i < 1200; ++i) {
        couch.EditOnServer("resident:" + std::to_string(i), Named("居民" + std::to_string(i)));
    }
    Device phone(couch);
    phone.Sync();
    CHECK(phone.Status().phase == Phase::Off);
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.Status().last_complete_ms == 1000);
    CHECK(phone.store.OfType("resident").size() == 1200);
    CHECK(phone.Name("resident:7") == "居民7");
    // Batches, not a round trip per document: 3 _changes pages of 500 and 3 _bulk_get.
    CHECK(Count(couch, "/_bulk_get") == 3);
    CHECK(Count(couch, "/_changes") == 3); // a page shorter than the limit is the last
    CHECK(couch.docs_fetched == 1200);
    // The revisions and their history are CouchDB's, untouched.
    CHECK(phone.store.Get("resident:7")->rev == couch.WinnerLeaf("resident:7")["_rev"]);
    // Checkpoints: a _local document on the server and a synclocal: one here, agreeing.
    REQUIRE(couch.Locals().size() == 1);
    CHECK(couch.Locals().begin()->second["last_seq"] == 1200);
    CHECK(phone.store.OfType("synclocal").size() == 1);
    // Nothing is pushed back: the server has what it sent.
    CHECK(Count(couch, "/_bulk_docs") == 0);
    // A second run fetches nothing.
    couch.docs_fetched = 0;
    phone.Sync(2000);
    CHECK(couch.docs_fetched == 0);
    CHECK(phone.Status().last_complete_ms == 2000);
}

TEST_CASE("sync: design documents and local-only types from the server are not taken") {
    FakeCouch couch;
    couch.EditOnServer("_design/linli", Json{{"validate_doc_update", "function(){}"}});
    couch.EditOnServer("synclocal:x", Named("not ours"));
    couch.EditOnServer("resident:1", Named("王"));
    Device phone(couch);
    phone.Sync();
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.store.Get("_design/linli") == nullptr);
    CHECK(phone.store.Get("synclocal:x") == nullptr);
    CHECK(phone.Name("resident:1") == "王");
}

TEST_CASE("sync: filters choose what a replication pulls and pushes, the rest stays put") {
    FakeCouch couch;
    couch.EditOnServer("voffer:desk1", Named("offer"));
    couch.EditOnServer("vsignup:li:a@1", Named("someone else's sign-up"));
    sync::ReplicatorOptions options;
    options.pull_filter = [](std::string_view id) { return id.starts_with("voffer:"); };
    options.push_filter = [](std::string_view id) { return id.starts_with("vsignup:wang:"); };
    Device phone(couch, "phone1", options);
    phone.Put("vsignup:wang:a@1", Named("mine"));
    phone.Put("resident:1", Named("not for this database"));
    phone.Sync();
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.Name("voffer:desk1") == "offer");
    CHECK(phone.store.Get("vsignup:li:a@1") == nullptr);
    CHECK(couch.WinnerLeaf("vsignup:wang:a@1").value("name", "") == "mine");
    CHECK_FALSE(couch.Has("resident:1"));
    CHECK(phone.Status().pending_up == 0); // what is filtered out does not wait to go up
}

// ---------------------------------------------------------------- push

TEST_CASE("sync: a push sends local documents with their history, once") {
    FakeCouch couch;
    Device desk(couch);
    for (int i = 0; i < 30; ++i) {
        desk.Put("order:" + std::to_string(i), Named("订单" + std::to_string(i)));
    }
    desk.Put("order:0", Named("订单0改"));
    CHECK(desk.replicator.GetStatus().pending_up == 0); // not counted before a Step
    desk.replicator.Step(1);
    CHECK(desk.Status().pending_up == 30);
    desk.Sync();
    CHECK(desk.Status().failure == Failure::None);
    CHECK(desk.Status().pending_up == 0);
    CHECK(couch.DocCount() == 30);
    const Json& w = couch.WinnerLeaf("order:0");
    CHECK(w["_rev"] == desk.store.Get("order:0")->rev);
    CHECK(w["_revisions"]["ids"].size() == 2);
    CHECK(w["name"] == "订单0改");
    CHECK(Count(couch, "/_revs_diff") == 1);
    CHECK(Count(couch, "/_bulk_docs") == 1);
    // The checkpoint document stays on this device.
    CHECK_FALSE(couch.Has(desk.store.OfType("synclocal")[0]->id));
    // Nothing new: nothing sent.
    const size_t uploaded = couch.docs_uploaded;
    desk.Sync(2000);
    CHECK(couch.docs_uploaded == uploaded);
}

TEST_CASE("sync: a 413 halves the push batch until it fits, one document too large fails") {
    FakeCouch couch;
    Device desk(couch);
    for (int i = 0; i < 40; ++i) {
        desk.Put("order:" + std::to_string(i), Named(std::string(100, 'x')));
    }
    couch.max_body = 1500; // about 8 documents a request
    desk.Sync();
    CHECK(desk.Status().failure == Failure::None);
    CHECK(couch.DocCount() == 40);
    CHECK(Count(couch, "/_bulk_docs") > 5);
    desk.Put("order:big", Named(std::string(5000, 'y')));
    desk.Sync(2000);
    CHECK(desk.Status().failure == Failure::TooLarge);
    CHECK(desk.Status().phase == Phase::Failed);
    CHECK_FALSE(couch.Has("order:big"));
}

// ---------------------------------------------------------------- two devices

TEST_CASE("sync: two devices converge: creations, edits and deletions") {
    FakeCouch couch;
    Device a(couch, "devA"), b(couch, "devB");
    a.Put("resident:1", Named("张三"));
    a.Put("resident:2", Named("李四"));
    b.Put("order:1", Named("蔬菜包"));
    a.Sync();
    b.Sync();
    a.Sync();
    CHECK(b.Name("resident:1") == "张三");
    CHECK(a.Name("order:1") == "蔬菜包");
    b.Put("resident:1", Named("张三丰"));
    b.Remove("resident:2");
    b.Sync();
    a.Sync();
    CHECK(a.Name("resident:1") == "张三丰");
    CHECK(a.Name("resident:2") == "(none)");
    CHECK(a.store.Get("resident:2")->deleted);
    CHECK(couch.WinnerLeaf("resident:2").value("_deleted", false));
    // An edit made on the server by another client reaches both.
    couch.EditOnServer("resident:1", Named("张三（服务器）"));
    a.Sync();
    b.Sync();
    CHECK(a.Name("resident:1") == "张三（服务器）");
    CHECK(b.Name("resident:1") == "张三（服务器）");
    CHECK(a.store.ConflictsOf("resident:1").empty());
}

TEST_CASE("sync: a conflict shows on both devices with the server's winner, the choice follows") {
    FakeCouch couch;
    Device a(couch, "devA"), b(couch, "devB");
    a.Put("resident:1", Named("王小明"));
    a.Sync();
    b.Sync();
    // Both edit offline.
    a.Put("resident:1", Named("王小明 A"));
    b.Put("resident:1", Named("王小明 B"));
    a.Sync();
    b.Sync();
    a.Sync();
    CHECK(couch.LiveLeaves("resident:1").size() == 2);
    // Every side agrees on the winner before anyone chooses.
    const std::string winner = couch.WinnerLeaf("resident:1")["_rev"];
    CHECK(a.store.Get("resident:1")->rev == winner);
    CHECK(b.store.Get("resident:1")->rev == winner);
    REQUIRE(a.store.ConflictsOf("resident:1").size() == 1);
    REQUIRE(b.store.ConflictsOf("resident:1").size() == 1);
    CHECK(a.store.ConflictsOf("resident:1")[0]->id == b.store.ConflictsOf("resident:1")[0]->id);
    // A chooses the losing side's name: the winner gets it, the losing branch ends.
    const store::Document* conflict = a.store.ConflictsOf("resident:1")[0];
    const std::string chosen = conflict->body["doc"]["name"];
    auto ended = a.store.EndConflict(conflict->id, conflict->rev);
    REQUIRE(ended.ok());
    auto put = a.store.Put("resident:1", Named(chosen), a.store.Get("resident:1")->rev);
    REQUIRE(put.ok());
    auto changes = *ended.value;
    changes.push_back(*put.value);
    a.db.Commit(changes);
    CHECK(a.store.ConflictsOf("resident:1").empty());
    a.Sync();
    CHECK(couch.LiveLeaves("resident:1").size() == 1);
    b.Sync();
    CHECK(b.store.ConflictsOf("resident:1").empty());
    CHECK(b.Name("resident:1") == chosen);
    CHECK(b.store.Get("resident:1")->rev == a.store.Get("resident:1")->rev);
}

TEST_CASE("sync: a deleted side is not a conflict, an edit beats a deletion everywhere") {
    FakeCouch couch;
    Device a(couch, "devA"), b(couch, "devB");
    a.Put("order:1", Named("米"));
    a.Sync();
    b.Sync();
    a.Remove("order:1");
    b.Put("order:1", Named("米 2袋"));
    a.Sync();
    b.Sync();
    a.Sync();
    CHECK(a.Name("order:1") == "米 2袋");
    CHECK(b.Name("order:1") == "米 2袋");
    CHECK(a.store.ConflictsOf("order:1").empty());
    CHECK(b.store.ConflictsOf("order:1").empty());
    CHECK(couch.LiveLeaves("order:1").size() == 1);
}

// ---------------------------------------------------------------- durability and resumption

TEST_CASE("sync: the checkpoint waits for the documents to be durable, in the same write") {
    FakeCouch couch;
    for (int i = 0; i < 10; ++i) {
        couch.EditOnServer("resident:" + std::to_string(i), Named("x"));
    }
    Device phone(couch);
    phone.persistence.hold = true;
    phone.Sync();
    CHECK(phone.replicator.Running());
    CHECK(couch.Locals().empty()); // the remote checkpoint waits for IndexedDB
    REQUIRE(phone.persistence.held.size() == 1);
    phone.persistence.hold = false;
    phone.persistence.Release();
    phone.Settle();
    CHECK(phone.Status().failure == Failure::None);
    CHECK(couch.Locals().size() == 1);
}

TEST_CASE("sync: a local write that fails stops the run, nothing is checkpointed, the next run "
          "fetches again") {
    FakeCouch couch;
    for (int i = 0; i < 10; ++i) {
        couch.EditOnServer("resident:" + std::to_string(i), Named("x"));
    }
    Device phone(couch);
    phone.persistence.fail_next = true;
    phone.Sync();
    CHECK(phone.Status().failure == Failure::LocalWrite);
    CHECK(phone.store.OfType("resident").empty()); // rolled back with the write
    CHECK(phone.store.OfType("synclocal").empty());
    CHECK(couch.Locals().empty());
    phone.Sync(2000);
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.store.OfType("resident").size() == 10);
}

TEST_CASE("sync: a run cut off by the server going away resumes without fetching twice") {
    FakeCouch couch;
    for (int i = 0; i < 1200; ++i) {
        couch.EditOnServer("resident:" + std::to_string(i), Named("x"));
    }
    Device phone(couch);
    couch.fail_after = 6; // check, _local, changes, bulk_get, _local put, changes, then gone
    phone.Sync();
    CHECK(phone.Status().failure == Failure::Unreachable);
    CHECK(phone.Status().phase == Phase::Failed);
    const size_t got = phone.store.OfType("resident").size();
    CHECK(got == 500);
    couch.offline = false;
    couch.fail_after.reset();
    phone.Sync(2000);
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.store.OfType("resident").size() == 1200);
    CHECK(couch.docs_fetched == 1200); // nothing fetched twice, nothing lost
    // A reloaded device (a new replicator on the stored records) starts from its checkpoint.
    FakeCouch& same = couch;
    Device again(same, "dev1");
    std::vector<store::Change> ignored;
    for (const auto* d : phone.store.All()) {
        again.store.Merge(*d, ignored);
    }
    couch.docs_fetched = 0;
    const size_t changes_before = Count(couch, "/_changes");
    again.Sync(3000);
    CHECK(again.Status().failure == Failure::None);
    CHECK(couch.docs_fetched == 0);
    CHECK(Count(couch, "/_changes") == changes_before + 1);
}

TEST_CASE("sync: a checkpoint the server never got resumes from the one before, not the start") {
    FakeCouch couch;
    for (int i = 0; i < 1200; ++i) {
        couch.EditOnServer("resident:" + std::to_string(i), Named("x"));
    }
    Device phone(couch);
    // The server goes away as the second checkpoint is sent: 1,000 documents are durable
    // here with their checkpoint, the server still has the first one (500).
    int puts = 0;
    couch.intercept = [&](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
        if (r.method == "PUT" && r.url.find("/_local/") != std::string::npos && ++puts == 2) {
            couch.offline = true;
            return sync::HttpResponse{0, "", "connection refused"};
        }
        return std::nullopt;
    };
    phone.Sync();
    CHECK(phone.Status().failure == Failure::Unreachable);
    CHECK(phone.store.OfType("resident").size() == 1000);
    couch.offline = false;
    couch.intercept = nullptr;
    const size_t seen = couch.log.size();
    phone.Sync(2000);
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.store.OfType("resident").size() == 1200);
    CHECK(couch.docs_fetched == 1200); // nothing fetched twice
    std::string first_changes;
    for (size_t i = seen; i < couch.log.size() && first_changes.empty(); ++i) {
        if (couch.log[i].url.find("/_changes") != std::string::npos) {
            first_changes = couch.log[i].url;
        }
    }
    CHECK(first_changes.find("since=500&") != std::string::npos);
}

TEST_CASE("sync: a server database made again (checkpoints disagree) is read from the start") {
    FakeCouch couch;
    couch.EditOnServer("resident:1", Named("甲"));
    Device phone(couch);
    phone.Sync();
    couch.ForgetEverything();
    couch.EditOnServer("resident:2", Named("乙"));
    phone.Sync(2000);
    CHECK(phone.Name("resident:2") == "乙");
    // What the phone has and the new server lacks goes up.
    CHECK(couch.Has("resident:1"));
}

// ---------------------------------------------------------------- login and refusals

TEST_CASE("sync: login by session, a wrong password and a needed login say so") {
    FakeCouch couch;
    couch.users["staff"] = "secret";
    couch.EditOnServer("resident:1", Named("甲"));
    Device phone(couch);
    phone.Sync();
    CHECK(phone.Status().failure == Failure::WrongPassword); // no user given: login needed
    phone.replicator.Configure({couch.Url(), "staff", "wrong"});
    phone.Sync();
    CHECK(phone.Status().failure == Failure::WrongPassword);
    CHECK(phone.store.Get("resident:1") == nullptr);
    phone.replicator.Configure({couch.Url(), "staff", "secret"});
    phone.Sync();
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.Name("resident:1") == "甲");
    // The cookie ran out: the next run logs in again by itself, and so does a later one.
    couch.session = false;
    couch.EditOnServer("resident:2", Named("乙"));
    phone.Sync(2000);
    CHECK(phone.Status().failure == Failure::None);
    CHECK(phone.Name("resident:2") == "乙");
    couch.session = false;
    phone.Sync(3000);
    CHECK(phone.Status().failure == Failure::None);
}

TEST_CASE("sync: a user who logs in but is not a member is told no permission, not a password") {
    FakeCouch couch;
    couch.users["li"] = "secret";
    Device phone(couch);
    // PouchDB Server answers a logged-in non-member with 401 (CouchDB: 403).
    const std::string db = couch.Url() + "/";
    couch.intercept = [&](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
        if (r.url == db) {
            return sync::HttpResponse{
                401,
                R"({"error":"unauthorized","reason":"You are not authorized to access this db."})",
                ""};
        }
        return std::nullopt;
    };
    phone.Put("order:1", Named("本机"));
    phone.replicator.Configure({couch.Url(), "li", "secret"});
    phone.Sync();
    CHECK(phone.Status().failure == Failure::NoPermission);
    CHECK(phone.Status().phase == Phase::Failed);
    CHECK(Count(couch, "/_session") == 1); // logged in once, no loop
    CHECK(phone.Name("order:1") == "本机");
    CHECK_FALSE(couch.Has("order:1"));
}

TEST_CASE("sync: no permission, a refused document, no database, not a URL") {
    FakeCouch couch;
    Device phone(couch);
    couch.intercept = [](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
        if (r.url.find("/_changes") != std::string::npos ||
            r.url.find("/_local") != std::string::npos) {
            return sync::HttpResponse{
                403, R"({"error":"forbidden","reason":"You are not allowed to access this db."})",
                ""};
        }
        return std::nullopt;
    };
    phone.Sync();
    CHECK(phone.Status().failure == Failure::NoPermission);
    CHECK(phone.Status().detail.find("not allowed") != std::string::npos);
    couch.intercept = nullptr;
    couch.accept_write = [](const Json& doc) { return doc["_id"] != "resident:1"; };
    phone.Put("resident:1", Named("甲"));
    phone.Put("vsignup:me:1", Named("报名"));
    phone.Sync();
    CHECK(phone.Status().failure == Failure::NoPermission);
    CHECK(phone.Status().detail.find("resident:1") != std::string::npos);
    CHECK(couch.Has("vsignup:me:1"));
    CHECK_FALSE(couch.Has("resident:1"));
    phone.replicator.Configure({couch.server + "nodb", "", ""});
    phone.Sync();
    CHECK(phone.Status().failure == Failure::NoDatabase); // as CouchDB: JSON not_found
    phone.replicator.Configure({"http://web.test/linli", "", ""});
    phone.Sync();
    CHECK(phone.Status().failure == Failure::NotCouch); // the fake answers HTML there
    phone.replicator.Configure({"ftp://x/linli", "", ""});
    CHECK(phone.Status().failure == Failure::BadUrl);
    phone.replicator.Configure({"http://couch.test", "", ""});
    CHECK(phone.Status().failure == Failure::BadUrl);
    phone.replicator.Configure({"http://couch.test/Linli", "", ""});
    CHECK(phone.Status().failure == Failure::BadUrl);
}

// ---------------------------------------------------------------- malformed replies

TEST_CASE("sync: malformed replies give a clear failure and change nothing") {
    struct Case {
        const char* what;
        std::string path;
        sync::HttpResponse reply;
        Failure expected;
    };
    const Case cases[] = {
        {"an HTML page for the database",
         "/linli/",
         {200, "<!doctype html><title>Router</title>", ""},
         Failure::NotCouch},
        {"JSON that is not a database",
         "/linli/",
         {200, R"({"couchdb":"Welcome"})", ""},
         Failure::NotCouch},
        {"truncated _changes",
         "/_changes",
         {200, R"({"results":[{"seq":1,"id":"resident:1","chan)", ""},
         Failure::BadReply},
        {"_changes of the wrong type",
         "/_changes",
         {200, R"({"results":{"a":1},"last_seq":3})", ""},
         Failure::BadReply},
        {"a rev that is a number",
         "/_bulk_get",
         {200, R"({"results":[{"id":"resident:1","docs":[{"ok":{"_id":"resident:1","_rev":5}}]}]})",
          ""},
         Failure::BadReply},
        {"a revision history that does not match",
         "/_bulk_get",
         {200,
          R"({"results":[{"id":"resident:1","docs":[{"ok":{"_id":"resident:1","_rev":"1-aa","_revisions":{"start":1,"ids":["bb"]}}}]}]})",
          ""},
         Failure::BadReply},
        {"_bulk_get leaving out the revisions asked for",
         "/_bulk_get",
         {200, R"({"results":[]})", ""},
         Failure::BadReply},
        {"a proxy's error page",
         "/_bulk_get",
         {502, "<html>Bad Gateway</html>", ""},
         Failure::ServerError},
        {"_revs_diff as an array", "/_revs_diff", {200, "[]", ""}, Failure::BadReply},
        {"_bulk_docs as an object", "/_bulk_docs", {201, R"({"ok":true})", ""}, Failure::BadReply},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        FakeCouch couch;
        couch.EditOnServer("resident:1", Named("服务器"));
        couch.EditOnServer("resident:2", Named("服务器2"));
        Device phone(couch);
        phone.Put("order:9", Named("本机"));
        const std::string path = c.path;
        const sync::HttpResponse reply = c.reply;
        const std::string url = couch.Url();
        couch.intercept = [&](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
            const bool match =
                path == "/linli/" ? r.url == url + "/" : r.url.find(path) != std::string::npos;
            return match ? std::optional(reply) : std::nullopt;
        };
        const size_t before = phone.store.Size();
        phone.Sync();
        CHECK(phone.Status().failure == c.expected);
        CHECK(phone.Status().phase == Phase::Failed);
        if (path != "/_revs_diff" && path != "/_bulk_docs") {
            CHECK(phone.store.Size() == before);
            CHECK(phone.store.Get("resident:1") == nullptr);
        }
        CHECK(phone.Name("order:9") == "本机");
    }
}

// Found by fuzz_sync_replies (tests/fuzz): a server (or a proxy's cache) answering every
// _changes with the same full page made the pull ask for the next page without end.
TEST_CASE("sync: a full _changes page that does not move on fails instead of looping") {
    FakeCouch couch; // the server of the fuzz target: the same documents, so the same revs
    couch.EditOnServer("volunteer:remote-1", Json{{"name", "王芳"}, {"schema", 1}});
    CHECK(couch.EditOnServer("volunteer:remote-1", Json{{"name", "王芳芳"}, {"schema", 1}}) ==
          "2-b324a81af60cbad49d9bc12039c18256");
    CHECK(couch.EditOnServer("post:remote-2", Json{{"name", "门岗"}}) ==
          "1-050594e3a732c71e8dd4fcf064e0f29c");
    sync::ReplicatorOptions options;
    options.changes_batch = 2;
    Device phone(couch, "dev1", options);
    const std::string url = couch.Url();
    const sync::HttpResponse page{
        200,
        R"({"last_seq":3,"results":[{"changes":[{"rev":"2-b324a81af60cbad49d9bc12039c18256"}],)"
        R"("id":"volunteer:remote-1","seq":2},{"changes":[{"rev":"1-050594e3a732c71e8dd4fcf064e0f29c"}],)"
        R"("id":"post:remote-2","seq":3}]})",
        ""};
    size_t pages = 0;
    couch.intercept = [&](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
        if (r.url.rfind(url + "/_changes", 0) != 0) {
            return std::nullopt;
        }
        ++pages;
        return page;
    };
    phone.Sync();
    CHECK(pages == 2); // since=0, then since=3 answered with the same page
    CHECK(phone.Status().phase == Phase::Failed);
    CHECK(phone.Status().failure == Failure::BadReply);
    CHECK_FALSE(phone.replicator.Running());
}

// ---------------------------------------------------------------- live mode and backoff

TEST_CASE("sync: live, changes arrive by long-poll and local edits go up by themselves") {
    FakeCouch couch;
    Device a(couch, "devA"), b(couch, "devB");
    a.replicator.SetLive(true);
    b.replicator.SetLive(true);
    a.Sync(1000);
    b.Sync(1000);
    CHECK(a.Status().phase == Phase::Live);
    CHECK(couch.HeldLongPolls() == 2);
    a.Put("resident:1", Named("新居民"));
    a.replicator.Step(1100);
    CHECK(a.Status().pending_up == 1);
    CHECK(a.replicator.WakeAt().value_or(0) == 1400); // gathered for a moment
    a.replicator.Step(1200);
    CHECK_FALSE(couch.Has("resident:1"));
    a.Settle(1400);
    CHECK(couch.Has("resident:1"));
    CHECK(a.Status().pending_up == 0);
    CHECK(a.Status().last_complete_ms == 1400);
    // b's long-poll was answered by the server when the document came.
    b.Settle(1500);
    CHECK(b.Name("resident:1") == "新居民");
    CHECK(b.Status().phase == Phase::Live);
    // A long-poll that times out empty is simply made again.
    const size_t polls = Count(couch, "feed=longpoll");
    couch.TimeOutLongPolls();
    a.Settle(1600);
    b.Settle(1600);
    CHECK(Count(couch, "feed=longpoll") == polls + 2);
}

TEST_CASE(
    "sync: offline, the live replicator retries with growing backoff and at once when online") {
    FakeCouch couch;
    Device a(couch);
    a.replicator.SetLive(true);
    couch.offline = true;
    a.Sync(1000);
    CHECK(a.Status().phase == Phase::Waiting);
    CHECK(a.Status().failure == Failure::Unreachable);
    CHECK(a.Status().retry_at_ms == 2000);
    a.Settle(2000);
    CHECK(a.Status().retry_at_ms == 4000);
    a.Settle(4000);
    CHECK(a.Status().retry_at_ms == 8000);
    a.replicator.SetOnline(false, 5000);
    a.replicator.SetOnline(true, 5000); // the browser's online event
    couch.offline = false;
    a.Put("resident:1", Named("甲"));
    a.Settle(5000);
    CHECK(a.Status().phase == Phase::Live);
    CHECK(a.Status().failure == Failure::None);
    CHECK(couch.Has("resident:1"));
    // The server stops in the middle of live work: waiting again, then caught up.
    couch.offline = true;
    couch.TimeOutLongPolls();
    a.Settle(6000);
    CHECK(a.Status().phase == Phase::Waiting);
    couch.offline = false;
    couch.EditOnServer("resident:2", Named("乙"));
    a.Settle(a.Status().retry_at_ms);
    CHECK(a.Name("resident:2") == "乙");
    CHECK(a.Status().phase == Phase::Live);
}

TEST_CASE("sync: a server the site's security policy refuses is named as such") {
    FakeCouch couch;
    couch.EditOnServer("resident:1", Named("x"));
    Device phone(couch);
    couch.intercept = [&](const sync::HttpRequest&) -> std::optional<sync::HttpResponse> {
        return sync::HttpResponse{0, "", sync::kBlockedByPolicy};
    };
    phone.Sync();
    CHECK(phone.Status().failure == Failure::NotAllowed);
    CHECK(phone.Status().phase == Phase::Failed);
    CHECK(phone.store.OfType("resident").empty());
    // Any other transport failure is still "unreachable".
    couch.intercept = [&](const sync::HttpRequest&) -> std::optional<sync::HttpResponse> {
        return sync::HttpResponse{0, "", "Failed to fetch"};
    };
    phone.Sync(2000);
    CHECK(phone.Status().failure == Failure::Unreachable);
}

} // namespace linli
