#pragma once
// Replication with a CouchDB database (Apache CouchDB, PouchDB Server), both ways, with
// the CouchDB replication protocol:
//   pull: _local checkpoints on both sides (agreed through their session history) ->
//         _changes?style=all_docs in batches -> the revisions we lack (the local store
//         answers what _revs_diff would) -> _bulk_get?revs=true -> merged with CouchDB's
//         winner rule and written in ONE transaction with the local checkpoint, so a
//         checkpoint never passes a document that is not durable -> the remote checkpoint.
//   push: documents changed since the last push -> _revs_diff -> _bulk_docs with
//         new_edits:false (a 413 halves the batch); conflict branches are sent as the leaf
//         revisions they keep, so the server holds the same revision tree.
// A run logs in (cookie session) when a user is set, checks the database, pulls, then
// pushes; "complete" means both were caught up. In live mode it then long-polls _changes
// and pushes each local change; a failure is retried with backoff (offline, the server
// restarting), except the ones only a person can fix (password, permission, URL).
// Stepped by the main loop; nothing blocks, every request has a timeout.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/database.hpp"
#include "store/store.hpp"
#include "sync/couch_url.hpp"
#include "sync/http.hpp"

namespace linli::sync {

struct Endpoint {
    std::string url; // the database URL
    std::string user;
    std::string password; // kept in memory only; the platform keeps it sealed
};

enum class Failure {
    None,
    BadUrl,        // not an http(s) database URL
    Unreachable,   // no answer: offline, wrong address, server down
    WrongPassword, // 401: login refused, or a login is needed
    NoPermission,  // 403, or the server refused a document
    NotCouch,      // answers, but not as CouchDB does
    NoDatabase,    // 404 for the database
    BadReply,      // a reply that is not what the protocol says (HTML, truncated, types)
    ServerError,   // 5xx
    LocalWrite,    // this device could not store what came in
    TooLarge,      // one document is larger than the server takes
    NotAllowed,    // the site's security policy does not let it reach this server
};

enum class Phase { Off, LoggingIn, Checking, Pulling, Pushing, Live, Waiting, Failed };

struct Status {
    Phase phase = Phase::Off;
    Failure failure = Failure::None;
    std::string detail;            // the server's words or the transport's, for the log
    int64_t last_complete_ms = 0;  // the end of the last run that caught up both ways
    size_t pending_up = 0;         // local changes not yet on the server
    bool pending_known = false;    // false until the first comparison after a start
    size_t pulled = 0, pushed = 0; // documents, since Configure
    size_t requests = 0;           // since Configure
    size_t bytes_sent = 0, bytes_received = 0;
    int64_t retry_at_ms = 0; // Waiting: when the next attempt starts
};

struct ReplicatorOptions {
    size_t changes_batch = 500; // _changes limit, and _bulk_get size
    size_t push_batch = 500;    // _revs_diff and _bulk_docs size (halved on a 413)
    int longpoll_timeout_ms = 25000;
    int request_timeout_ms = 30000;
    int64_t first_backoff_ms = 1000;
    int64_t max_backoff_ms = 60000;
    int64_t push_delay_ms = 300; // live: gathers the writes of one moment into one push
    // Which documents (by id; conflict branches by their document's id) this replication
    // carries each way, beyond the local-only types that never go: empty carries all. A
    // volunteer's phone pulls the published offers and pushes only its own sign-ups.
    std::function<bool(std::string_view id)> pull_filter, push_filter;
};

// Local-only documents: never pushed, never taken from a server.
bool IsLocalOnlyType(std::string_view type);

class Replicator {
  public:
    Replicator(store::DocumentStore& store, store::Database& db, HttpTransport& http,
               std::string device_tag, ReplicatorOptions options = {});
    ~Replicator();
    Replicator(const Replicator&) = delete;
    Replicator& operator=(const Replicator&) = delete;

    // A new server or user: forgets the old run (answers still on their way are ignored).
    // An empty URL turns sync off.
    void Configure(Endpoint endpoint);
    const Endpoint& Configured() const { return endpoint_; }
    // Starts a run now (立即同步), or after the current one.
    void SyncNow(int64_t now_ms);
    // Live: after a run, keep listening and pushing; retry failures with backoff.
    void SetLive(bool live) { live_ = live; }
    // The device came online: a waiting retry starts now.
    void SetOnline(bool online, int64_t now_ms);
    void Step(int64_t now_ms);

    const Status& GetStatus() const { return status_; }
    // A run (or, live, a batch) is on its way: for a progress indicator.
    bool Running() const;
    // When Step must run without an outside event (a retry, a gathered push); replies and
    // durable writes wake the main loop themselves. nullopt: not before an event.
    std::optional<int64_t> WakeAt() const;

  private:
    struct Reply;
    struct Checkpoint;
    enum class PullStep {
        Idle,
        GetRemoteCheckpoint,
        Changes,
        Fetch,
        Commit,
        PutCheckpoint,
        CaughtUp,
        LongPoll
    };
    enum class PushStep { Idle, Diff, Upload, CaughtUp };

    void Request(std::string method, std::string url, std::string body, int timeout_ms,
                 std::shared_ptr<Reply>& slot);
    bool Take(std::shared_ptr<Reply>& slot, HttpResponse& out);
    void Fail(Failure failure, std::string detail, int64_t now_ms);
    bool FailOnStatus(const HttpResponse& response, int64_t now_ms);
    void StartRun(int64_t now_ms);
    void Complete(int64_t now_ms);

    void StepLogin(int64_t now_ms);
    void StepCheck(int64_t now_ms);
    void StepPull(int64_t now_ms);
    void StepPush(int64_t now_ms);

    void StartChanges(bool longpoll);
    bool OnChanges(const HttpResponse& response, int64_t now_ms);
    bool OnBulkGet(const HttpResponse& response, int64_t now_ms);
    void CommitPulled(std::vector<store::Document> docs, int64_t now_ms);
    void PutRemoteCheckpoint();
    void AfterBatch(int64_t now_ms);

    void RefreshPending();
    std::vector<store::Document> PushCandidates(size_t limit, uint64_t& through_seq) const;
    void StartDiff();
    bool OnDiff(const HttpResponse& response, int64_t now_ms);
    void StartUpload();
    bool OnUpload(const HttpResponse& response, int64_t now_ms);

    std::string PullId() const;
    std::string LocalCheckpointId() const;
    static std::string Known(const std::string& id, const std::string& rev);
    bool Pulls(std::string_view id) const;

    store::DocumentStore& store_;
    store::Database& db_;
    HttpTransport& http_;
    std::string device_tag_;
    ReplicatorOptions options_;

    Endpoint endpoint_;
    std::optional<DatabaseUrl> url_;
    Status status_;
    bool live_ = false;
    int64_t now_ms_ = 0;
    bool online_ = true;
    bool run_requested_ = false;
    bool run_active_ = false;
    bool logged_in_ = false;
    bool fresh_login_ = false; // this run logged in: a 401 now means not a member
    int64_t backoff_ms_ = 0;
    uint64_t session_counter_ = 0;
    std::string session_id_;

    std::shared_ptr<Reply> login_, check_, pull_, push_;
    bool login_sent_ = false, check_sent_ = false;

    // Pull
    PullStep pull_step_ = PullStep::Idle;
    std::unique_ptr<Checkpoint> checkpoint_;
    store::Json since_ = 0;
    store::Json batch_last_seq_;
    std::string remote_checkpoint_rev_;
    bool remote_checkpoint_writable_ = true;
    size_t batch_results_ = 0;
    std::vector<std::pair<std::string, std::string>> to_fetch_; // (id, rev)
    uint64_t pull_txn_ = 0;

    // Push
    PushStep push_step_ = PushStep::Idle;
    uint64_t pushed_seq_ = 0; // every local change up to here is on the server
    uint64_t pending_for_seq_ = ~0ULL;
    size_t push_batch_ = 500;
    std::vector<store::Document> push_docs_; // this batch's leaves
    uint64_t push_through_seq_ = 0;
    std::vector<store::Document> upload_; // of those, what the server lacks
    size_t upload_done_ = 0;
    int64_t push_not_before_ms_ = 0;
    uint64_t seen_sequence_ = 0;
    // Revisions the server is known to have (pulled from it or pushed to it).
    std::unordered_set<std::string> known_remote_;
};

} // namespace linli::sync
