// The replicator's reading of CouchDB's replies (sync/replicator.cpp): the login, the
// database check, the _local checkpoint (read and written), _changes, _bulk_get,
// _revs_diff, _bulk_docs and error bodies. The replies are private to the replicator, so it
// is driven through its public API against the fake CouchDB of the unit tests
// (tests/unit/fake_couch.hpp), with every reply of the kind the first byte names replaced by
// the rest of the input (status from the second byte). A run must end (no endless loop), and
// every document it stored locally is a sound document.
#include <array>

#include "fuzz_support.hpp"
#include "store/database.hpp"
#include "sync/replicator.hpp"
#include "unit/fake_couch.hpp"

using namespace linli;
using store::Json;
using testing::FakeCouch;

namespace {

class Persistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string&) override { db->Committed(txn); }
    store::Database* db = nullptr;
};

// Which request a reply answers, as the fake sees it.
bool Matches(int kind, const sync::HttpRequest& r, const std::string& server,
             const std::string& database) {
    switch (kind) {
    case 0:
        return r.method == "POST" && r.url == server + "_session";
    case 1:
        return r.method == "GET" && r.url == database + "/";
    case 2:
        return r.method == "GET" && r.url.rfind(database + "/_local/", 0) == 0;
    case 3:
        return r.url.rfind(database + "/_changes", 0) == 0;
    case 4:
        return r.url.rfind(database + "/_bulk_get", 0) == 0;
    case 5:
        return r.method == "PUT" && r.url.rfind(database + "/_local/", 0) == 0;
    case 6:
        return r.url.rfind(database + "/_revs_diff", 0) == 0;
    default:
        return r.url.rfind(database + "/_bulk_docs", 0) == 0;
    }
}

constexpr std::array<int, 12> kStatuses = {200, 201, 200, 400, 401, 403,
                                           404, 409, 413, 500, 503, 0};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 3) {
        return 0;
    }
    const int kind = data[0] % 8;
    const int status = kStatuses[data[1] % kStatuses.size()];
    const uint8_t flags = data[2];
    const std::string body(fuzz::AsText(data + 3, size - 3));

    FakeCouch couch;
    const bool login = (flags & 1) != 0;
    if (login) {
        couch.users["staff"] = "secret";
    }
    if ((flags & 2) != 0) { // something to pull
        couch.EditOnServer("volunteer:remote-1", Json{{"name", "王芳"}, {"schema", 1}});
        couch.EditOnServer("volunteer:remote-1", Json{{"name", "王芳芳"}, {"schema", 1}});
        couch.EditOnServer("post:remote-2", Json{{"name", "门岗"}}, (flags & 8) != 0);
    }
    const std::string database = couch.Url();
    couch.intercept = [&](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
        if (!Matches(kind, r, couch.server, database)) {
            return std::nullopt;
        }
        return sync::HttpResponse{status, body, status == 0 ? "refused" : ""};
    };

    store::DocumentStore local;
    Persistence persistence;
    store::Database db(local, persistence);
    persistence.db = &db;
    if ((flags & 4) != 0) { // something to push
        for (const char* id : {"volunteer:local-1", "shift:local-2"}) {
            auto r = local.Put(id, Json{{"name", "李四"}, {"schema", 1}}, "");
            if (r.ok()) {
                db.Commit({*r.value});
            }
        }
    }
    sync::ReplicatorOptions options;
    options.changes_batch = 2 + (flags >> 6); // small batches: several rounds of each
    options.push_batch = 1 + ((flags >> 4) & 3);
    sync::Replicator replicator(local, db, couch, "fuzz", options);
    replicator.Configure({database, login ? "staff" : "", login ? "secret" : ""});
    replicator.SyncNow(1000);
    int steps = 0;
    for (; steps < 2000; ++steps) {
        replicator.Step(1000);
        if (!replicator.Running() && !replicator.WakeAt()) {
            break;
        }
        if (replicator.GetStatus().phase == sync::Phase::Waiting ||
            replicator.GetStatus().phase == sync::Phase::Failed) {
            break;
        }
    }
    fuzz::Check(steps < 2000, "a run ends");
    for (const char* id : {"volunteer:remote-1", "post:remote-2", "volunteer:local-1"}) {
        if (const store::Document* d = local.Get(id)) {
            fuzz::Check(!d->history.empty() && store::Revision::Parse(d->rev).has_value(),
                        "a stored document is sound");
        }
    }
    return 0;
}
