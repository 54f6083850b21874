// Sections: requests and replies; failures and runs; login and the database check;
// pull (checkpoints, _changes, _bulk_get, the one transaction); push (candidates,
// _revs_diff, _bulk_docs and the 413 split); Step.
#include "sync/replicator.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "base/hash.hpp"

namespace linli::sync {

using store::Document;
using store::Json;

namespace {

Json ParseJson(const std::string& text) {
    return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

std::string Hex64(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// The server's reason in its own words ({"error":..,"reason":..}), else the start of the body.
std::string ServerWords(const HttpResponse& r) {
    if (r.status == 0) {
        return r.error;
    }
    const Json json = ParseJson(r.body);
    std::string words = "HTTP " + std::to_string(r.status);
    if (json.is_object()) {
        const std::string error = store::StringField(json, "error");
        const std::string reason = store::StringField(json, "reason");
        if (!error.empty()) {
            words += " " + error;
        }
        if (!reason.empty()) {
            words += ": " + reason;
        }
    }
    return words;
}

std::string SinceParam(const Json& seq) {
    return seq.is_string() ? UrlEncode(seq.get<std::string>()) : UrlEncode(seq.dump());
}

// One change per document: the first one's previous, the last one's document (the page
// writes a batch record by record, each compared with what is stored).
std::vector<store::Change> Collapse(std::vector<store::Change> changes) {
    std::vector<store::Change> out;
    std::map<std::string, size_t> at;
    for (auto& change : changes) {
        const auto it = at.find(change.doc.id);
        if (it == at.end()) {
            at.emplace(change.doc.id, out.size());
            out.push_back(std::move(change));
        } else {
            out[it->second].doc = std::move(change.doc);
        }
    }
    return out;
}

Failure Classify(const HttpResponse& r) {
    switch (r.status) {
    case 0:
        return r.error == kBlockedByPolicy ? Failure::NotAllowed : Failure::Unreachable;
    case 401:
        return Failure::WrongPassword;
    case 403:
        return Failure::NoPermission;
    case 404:
        return Failure::NoDatabase;
    case 413:
        return Failure::TooLarge;
    default:
        return r.status >= 500 ? Failure::ServerError : Failure::BadReply;
    }
}

} // namespace

bool IsLocalOnlyType(std::string_view type) {
    return type == "synclocal" || type == "syncconfig" || type == "my_profile";
}

// A reply slot: the transport's callback fills it, Step takes it. Shared, so that a reply
// arriving after Configure() or after the replicator is gone lands nowhere harmful.
struct Replicator::Reply {
    bool done = false;
    HttpResponse response;
};

struct Replicator::Checkpoint {
    std::string rev; // of the local synclocal: document
    Json doc;        // {last_seq, session_id, history: [{session_id, last_seq}], remote_writable}
};

Replicator::Replicator(store::DocumentStore& store, store::Database& db, HttpTransport& http,
                       std::string device_tag, ReplicatorOptions options)
    : store_(store), db_(db), http_(http), device_tag_(std::move(device_tag)), options_(options),
      push_batch_(options.push_batch) {}

Replicator::~Replicator() = default;

// ---------------------------------------------------------------- requests and replies

void Replicator::Request(std::string method, std::string url, std::string body, int timeout_ms,
                         std::shared_ptr<Reply>& slot) {
    slot = std::make_shared<Reply>();
    std::weak_ptr<Reply> weak = slot;
    ++status_.requests;
    status_.bytes_sent += url.size() + body.size() + method.size();
    HttpRequest request{std::move(method), std::move(url), std::move(body), timeout_ms};
    http_.Send(std::move(request), [weak](HttpResponse response) {
        if (auto reply = weak.lock()) {
            reply->response = std::move(response);
            reply->done = true;
        }
    });
}

bool Replicator::Take(std::shared_ptr<Reply>& slot, HttpResponse& out) {
    if (!slot || !slot->done) {
        return false;
    }
    out = std::move(slot->response);
    status_.bytes_received += out.body.size();
    slot.reset();
    return true;
}

bool Replicator::Running() const {
    const auto answered = [](const std::shared_ptr<Reply>& slot) { return slot && slot->done; };
    return status_.phase == Phase::LoggingIn || status_.phase == Phase::Checking ||
           status_.phase == Phase::Pulling || status_.phase == Phase::Pushing ||
           (status_.phase == Phase::Live &&
            (push_step_ != PushStep::CaughtUp || pull_step_ != PullStep::LongPoll ||
             answered(pull_) || answered(push_)));
}

std::optional<int64_t> Replicator::WakeAt() const {
    if (run_requested_) {
        return 0;
    }
    if (status_.phase == Phase::Waiting) {
        return status_.retry_at_ms;
    }
    if (status_.phase == Phase::Live && push_step_ == PushStep::CaughtUp &&
        status_.pending_up > 0) {
        return push_not_before_ms_;
    }
    return std::nullopt;
}

std::string Replicator::Known(const std::string& id, const std::string& rev) {
    return id + '\n' + rev;
}

// ---------------------------------------------------------------- failures and runs

void Replicator::Fail(Failure failure, std::string detail, int64_t now_ms) {
    status_.failure = failure;
    status_.detail = std::move(detail);
    login_.reset();
    check_.reset();
    pull_.reset();
    push_.reset();
    run_active_ = false;
    pull_step_ = PullStep::Idle;
    push_step_ = PushStep::Idle;
    const bool person_must_fix = failure == Failure::BadUrl || failure == Failure::WrongPassword ||
                                 failure == Failure::NoPermission || failure == Failure::NotCouch ||
                                 failure == Failure::NoDatabase || failure == Failure::TooLarge ||
                                 failure == Failure::NotAllowed;
    if (live_ && !person_must_fix) {
        backoff_ms_ = backoff_ms_ == 0 ? options_.first_backoff_ms
                                       : std::min(backoff_ms_ * 2, options_.max_backoff_ms);
        status_.phase = Phase::Waiting;
        status_.retry_at_ms = now_ms + backoff_ms_;
    } else {
        status_.phase = Phase::Failed;
        status_.retry_at_ms = 0;
    }
}

// True (and the run failed) when the reply is not a success.
bool Replicator::FailOnStatus(const HttpResponse& r, int64_t now_ms) {
    if (r.status >= 200 && r.status < 300) {
        return false;
    }
    if (r.status == 401) {
        logged_in_ = false;
    }
    Fail(Classify(r), ServerWords(r), now_ms);
    return true;
}

void Replicator::Configure(Endpoint endpoint) {
    endpoint_ = std::move(endpoint);
    url_ = ParseDatabaseUrl(endpoint_.url);
    status_ = Status{};
    login_.reset();
    check_.reset();
    pull_.reset();
    push_.reset();
    run_active_ = false;
    run_requested_ = false;
    logged_in_ = false;
    backoff_ms_ = 0;
    pull_step_ = PullStep::Idle;
    push_step_ = PushStep::Idle;
    checkpoint_.reset();
    pushed_seq_ = 0;
    pending_for_seq_ = ~0ULL;
    known_remote_.clear();
    push_batch_ = options_.push_batch;
    if (endpoint_.url.empty()) {
        return;
    }
    if (!url_) {
        status_.phase = Phase::Failed;
        status_.failure = Failure::BadUrl;
        return;
    }
    run_requested_ = true;
}

void Replicator::SyncNow(int64_t now_ms) {
    if (!url_) {
        status_.phase = endpoint_.url.empty() ? Phase::Off : Phase::Failed;
        status_.failure = endpoint_.url.empty() ? Failure::None : Failure::BadUrl;
        return;
    }
    (void)now_ms;
    run_requested_ = true;
}

void Replicator::SetOnline(bool online, int64_t now_ms) {
    const bool came_online = online && !online_;
    online_ = online;
    if (came_online && status_.phase == Phase::Waiting) {
        status_.retry_at_ms = now_ms;
        backoff_ms_ = 0;
    }
}

void Replicator::StartRun(int64_t now_ms) {
    (void)now_ms;
    run_requested_ = false;
    run_active_ = true;
    fresh_login_ = false;
    status_.phase = endpoint_.user.empty() || logged_in_ ? Phase::Checking : Phase::LoggingIn;
    status_.failure = Failure::None;
    status_.detail.clear();
    status_.retry_at_ms = 0;
    login_sent_ = false;
    check_sent_ = false;
    pull_.reset();
    push_.reset();
    pull_step_ = PullStep::Idle;
    push_step_ = PushStep::Idle;
    session_id_ =
        device_tag_ + "-" + std::to_string(now_ms) + "-" + std::to_string(++session_counter_);
}

void Replicator::Complete(int64_t now_ms) {
    run_active_ = false;
    backoff_ms_ = 0;
    status_.last_complete_ms = now_ms;
    status_.failure = Failure::None;
    status_.detail.clear();
    status_.phase = live_ ? Phase::Live : Phase::Off;
    if (live_) {
        StartChanges(/*longpoll=*/true);
    }
}

// ---------------------------------------------------------------- login and the check

void Replicator::StepLogin(int64_t now_ms) {
    if (!login_sent_) {
        login_sent_ = true;
        const Json body{{"name", endpoint_.user}, {"password", endpoint_.password}};
        Request("POST", url_->server + "_session", body.dump(), options_.request_timeout_ms,
                login_);
    }
    HttpResponse r;
    if (!Take(login_, r)) {
        return;
    }
    if (r.status < 200 || r.status >= 300) {
        Failure failure = Classify(r);
        if (failure == Failure::NoDatabase || failure == Failure::BadReply) {
            failure = Failure::NotCouch; // no _session: not a CouchDB
        }
        Fail(failure, ServerWords(r), now_ms);
        return;
    }
    const Json json = ParseJson(r.body);
    if (!json.is_object() || !json.contains("ok")) {
        Fail(Failure::NotCouch, "the login reply is not CouchDB's", now_ms);
        return;
    }
    logged_in_ = true;
    fresh_login_ = true;
    status_.phase = Phase::Checking;
}

void Replicator::StepCheck(int64_t now_ms) {
    if (!check_sent_) {
        check_sent_ = true;
        Request("GET", url_->database + "/", "", options_.request_timeout_ms, check_);
    }
    HttpResponse r;
    if (!Take(check_, r)) {
        return;
    }
    if (r.status == 401 && !endpoint_.user.empty()) {
        if (!fresh_login_) {
            // The session cookie ran out: log in again.
            logged_in_ = false;
            status_.phase = Phase::LoggingIn;
            login_sent_ = false;
            check_sent_ = false;
            return;
        }
        // Logged in just now and still refused: the password is right, the user is not a
        // member of this database (PouchDB Server answers 401 there, CouchDB 403).
        Fail(Failure::NoPermission, ServerWords(r), now_ms);
        return;
    }
    const Json json = ParseJson(r.body);
    if (r.status >= 200 && r.status < 300 &&
        (!json.is_object() || store::StringField(json, "db_name").empty())) {
        Fail(Failure::NotCouch, "the database reply has no db_name", now_ms);
        return;
    }
    if (r.status == 404 && !(json.is_object() && json.contains("error"))) {
        Fail(Failure::NotCouch, ServerWords(r), now_ms); // a web server, not a CouchDB
        return;
    }
    if (FailOnStatus(r, now_ms)) {
        return;
    }
    status_.phase = Phase::Pulling;
    pull_step_ = PullStep::GetRemoteCheckpoint;
    Request("GET", url_->database + "/_local/" + UrlEncode(PullId()), "",
            options_.request_timeout_ms, pull_);
}

// ---------------------------------------------------------------- pull

std::string Replicator::PullId() const {
    const std::string material = "linli-pull-1|" + device_tag_ + "|" + url_->database;
    return "linli-" + Hex64(Fnv1a64(material)) + Hex64(Fnv1a64(material, 0x84222325cbf29ce4ULL));
}

std::string Replicator::LocalCheckpointId() const {
    return "synclocal:" + PullId();
}

void Replicator::StartChanges(bool longpoll) {
    std::string url = url_->database + "/_changes?style=all_docs&since=" + SinceParam(since_) +
                      "&limit=" + std::to_string(options_.changes_batch);
    int timeout = options_.request_timeout_ms;
    if (longpoll) {
        url += "&feed=longpoll&timeout=" + std::to_string(options_.longpoll_timeout_ms);
        timeout = options_.longpoll_timeout_ms + options_.request_timeout_ms;
        pull_step_ = PullStep::LongPoll;
    } else {
        pull_step_ = PullStep::Changes;
    }
    Request("GET", url, "", timeout, pull_);
}

bool Replicator::OnChanges(const HttpResponse& r, int64_t now_ms) {
    const Json json = ParseJson(r.body);
    const auto results = json.is_object() ? json.find("results") : json.end();
    if (!json.is_object() || results == json.end() || !results->is_array() ||
        !json.contains("last_seq")) {
        Fail(Failure::BadReply, "_changes: not a changes feed", now_ms);
        return false;
    }
    to_fetch_.clear();
    for (const Json& row : *results) {
        const std::string id = store::StringField(row, "id");
        const auto changes = row.is_object() ? row.find("changes") : row.end();
        if (id.empty() || changes == row.end() || !changes->is_array()) {
            Fail(Failure::BadReply, "_changes: a row without id or changes", now_ms);
            return false;
        }
        if (!Pulls(id)) {
            continue; // design documents, what is not ours, what this replication leaves
        }
        for (const Json& change : *changes) {
            const std::string rev = store::StringField(change, "rev");
            if (!store::Revision::Parse(rev)) {
                Fail(Failure::BadReply, "_changes: a malformed rev", now_ms);
                return false;
            }
            if (store_.HasRevision(id, rev)) {
                known_remote_.insert(Known(id, rev));
            } else {
                to_fetch_.emplace_back(id, rev);
            }
        }
    }
    // A full batch asks for the next one from last_seq: one that does not move on (a broken
    // proxy or server answering the same page) would be asked for again without end.
    if (results->size() >= options_.changes_batch && json["last_seq"] == since_) {
        Fail(Failure::BadReply, "_changes: a full batch that does not move on", now_ms);
        return false;
    }
    batch_results_ = results->size();
    batch_last_seq_ = json["last_seq"];
    return true;
}

bool Replicator::OnBulkGet(const HttpResponse& r, int64_t now_ms) {
    const Json json = ParseJson(r.body);
    const auto results = json.is_object() ? json.find("results") : json.end();
    if (!json.is_object() || results == json.end() || !results->is_array()) {
        Fail(Failure::BadReply, "_bulk_get: no results", now_ms);
        return false;
    }
    std::vector<Document> docs;
    // Every revision asked for must be answered, by the document or by an error: the
    // checkpoint passes them all, so one left out would never be asked for again.
    std::unordered_set<std::string> answered;
    for (const Json& row : *results) {
        const auto list = row.is_object() ? row.find("docs") : row.end();
        if (list == row.end() || !list->is_array()) {
            Fail(Failure::BadReply, "_bulk_get: a result without docs", now_ms);
            return false;
        }
        for (const Json& entry : *list) {
            if (!entry.is_object()) {
                Fail(Failure::BadReply, "_bulk_get: an entry that is not an object", now_ms);
                return false;
            }
            const auto ok = entry.find("ok");
            if (ok == entry.end()) {
                // {"error": ...}: gone since (compacted); the next change brings it.
                const auto error = entry.find("error");
                const Json none;
                const Json& e = error != entry.end() ? *error : none;
                const std::string id = store::StringField(e, "id");
                answered.insert(Known(id.empty() ? store::StringField(row, "id") : id,
                                      store::StringField(e, "rev")));
                continue;
            }
            auto parsed = store::FromJson(*ok);
            if (auto* why = std::get_if<std::string>(&parsed)) {
                Fail(Failure::BadReply, "_bulk_get: " + *why, now_ms);
                return false;
            }
            answered.insert(Known(std::get<Document>(parsed).id, std::get<Document>(parsed).rev));
            docs.push_back(std::get<Document>(std::move(parsed)));
        }
    }
    for (const auto& [id, rev] : to_fetch_) {
        if (!answered.count(Known(id, rev)) && !answered.count(Known(id, ""))) {
            Fail(Failure::BadReply, "_bulk_get: no answer for " + id + " " + rev, now_ms);
            return false;
        }
    }
    CommitPulled(std::move(docs), now_ms);
    return true;
}

void Replicator::CommitPulled(std::vector<Document> docs, int64_t now_ms) {
    (void)now_ms;
    std::vector<store::Change> changes;
    for (Document& doc : docs) {
        if (!Pulls(doc.id)) {
            continue;
        }
        const std::string key = Known(doc.id, doc.rev);
        if (store_.Merge(std::move(doc), changes) != store::MergeOutcome::Invalid) {
            known_remote_.insert(key);
            ++status_.pulled;
        }
    }
    // The local checkpoint goes in the same transaction as the documents it passes.
    Json body = checkpoint_ ? checkpoint_->doc : Json::object();
    body["last_seq"] = batch_last_seq_;
    body["session_id"] = session_id_;
    body["remote_writable"] = remote_checkpoint_writable_;
    Json history = Json::array();
    history.push_back(Json{{"session_id", session_id_}, {"last_seq", batch_last_seq_}});
    if (body.contains("history") && body["history"].is_array()) {
        // This session's previous checkpoint stays too: the server's copy is written after
        // this one is durable, so when that write is lost (the server went down between),
        // the server still holds the previous one and both sides agree on it.
        bool kept_previous = false;
        for (const Json& h : body["history"]) {
            if (history.size() >= 5) {
                break;
            }
            if (store::StringField(h, "session_id") == session_id_) {
                if (kept_previous || h.value("last_seq", Json()) == batch_last_seq_) {
                    continue;
                }
                kept_previous = true;
            }
            history.push_back(h);
        }
    }
    body["history"] = history;
    body.erase("schema");
    auto put = store_.Put(LocalCheckpointId(), body, checkpoint_ ? checkpoint_->rev : "");
    if (put.ok()) {
        changes.push_back(*put.value);
        checkpoint_ = std::make_unique<Checkpoint>();
        checkpoint_->rev = put.value->doc.rev;
        checkpoint_->doc = put.value->doc.body;
    }
    pull_txn_ = db_.Commit(Collapse(std::move(changes)));
    pull_step_ = PullStep::Commit;
}

void Replicator::PutRemoteCheckpoint() {
    Json doc{{"_id", "_local/" + PullId()},
             {"session_id", session_id_},
             {"last_seq", batch_last_seq_},
             {"history", checkpoint_ ? checkpoint_->doc["history"] : Json::array()}};
    if (!remote_checkpoint_rev_.empty()) {
        doc["_rev"] = remote_checkpoint_rev_;
    }
    pull_step_ = PullStep::PutCheckpoint;
    Request("PUT", url_->database + "/_local/" + UrlEncode(PullId()), doc.dump(),
            options_.request_timeout_ms, pull_);
}

void Replicator::AfterBatch(int64_t now_ms) {
    if (batch_results_ >= options_.changes_batch) {
        StartChanges(/*longpoll=*/false); // more waiting
        return;
    }
    pull_step_ = PullStep::CaughtUp;
    if (status_.phase == Phase::Live) {
        // Live: what the server had is here; listen again.
        if (status_.pending_up == 0) {
            status_.last_complete_ms = now_ms;
        }
        StartChanges(/*longpoll=*/true);
    }
}

void Replicator::StepPull(int64_t now_ms) {
    HttpResponse r;
    switch (pull_step_) {
    case PullStep::Idle:
    case PullStep::CaughtUp:
        return;
    case PullStep::GetRemoteCheckpoint: {
        if (!Take(pull_, r)) {
            return;
        }
        if (r.status != 404 && FailOnStatus(r, now_ms)) {
            return;
        }
        const Json remote = r.status == 404 ? Json() : ParseJson(r.body);
        if (r.status != 404 && !remote.is_object()) {
            Fail(Failure::BadReply, "_local: not a document", now_ms);
            return;
        }
        remote_checkpoint_rev_ = store::StringField(remote, "_rev");
        // The local checkpoint, and where both sides agree we were.
        const Document* local = store_.Get(LocalCheckpointId());
        checkpoint_.reset();
        since_ = 0;
        if (local && !local->deleted) {
            checkpoint_ = std::make_unique<Checkpoint>();
            checkpoint_->rev = local->rev;
            checkpoint_->doc = local->body;
            const Json& mine = local->body;
            const bool writable =
                !mine.contains("remote_writable") || store::BoolField(mine, "remote_writable");
            if (!remote.is_object() && !writable && mine.contains("last_seq")) {
                since_ = mine["last_seq"]; // the server never let us write ours
            } else if (remote.is_object() && mine.contains("history") &&
                       mine["history"].is_array() && remote.contains("history") &&
                       remote["history"].is_array()) {
                bool found = false;
                for (const Json& h : mine["history"]) {
                    for (const Json& t : remote["history"]) {
                        if (!found && h.is_object() && t.is_object() && h.contains("last_seq") &&
                            store::StringField(h, "session_id") ==
                                store::StringField(t, "session_id") &&
                            h["last_seq"] == t.value("last_seq", Json())) {
                            since_ = h["last_seq"];
                            found = true;
                        }
                    }
                }
            }
        }
        if (since_ == Json(0)) {
            // From the start (first run, or the server's database was made again): what
            // we believed the server had no longer counts, so everything is offered again.
            known_remote_.clear();
            pushed_seq_ = 0;
            pending_for_seq_ = ~0ULL;
        }
        StartChanges(/*longpoll=*/false);
        return;
    }
    case PullStep::Changes:
    case PullStep::LongPoll: {
        if (!Take(pull_, r)) {
            return;
        }
        const bool longpoll = pull_step_ == PullStep::LongPoll;
        if (FailOnStatus(r, now_ms) || !OnChanges(r, now_ms)) {
            return;
        }
        if (longpoll && batch_results_ == 0) {
            if (batch_last_seq_ != since_ && !batch_last_seq_.is_null()) {
                since_ = batch_last_seq_;
            }
            StartChanges(/*longpoll=*/true);
            return;
        }
        if (to_fetch_.empty()) {
            CommitPulled({}, now_ms); // only the checkpoint moves
            return;
        }
        Json docs = Json::array();
        for (const auto& [id, rev] : to_fetch_) {
            docs.push_back(Json{{"id", id}, {"rev", rev}});
        }
        pull_step_ = PullStep::Fetch;
        Request("POST", url_->database + "/_bulk_get?revs=true", Json{{"docs", docs}}.dump(),
                options_.request_timeout_ms, pull_);
        return;
    }
    case PullStep::Fetch:
        if (Take(pull_, r) && !FailOnStatus(r, now_ms)) {
            OnBulkGet(r, now_ms);
        }
        return;
    case PullStep::Commit:
        switch (pull_txn_ == 0 ? store::Database::TxnState::Committed : db_.StateOf(pull_txn_)) {
        case store::Database::TxnState::Pending:
            return;
        case store::Database::TxnState::Failed:
            checkpoint_.reset(); // rolled back with the documents
            Fail(Failure::LocalWrite, db_.State().error, now_ms);
            return;
        case store::Database::TxnState::Committed:
            break;
        }
        since_ = batch_last_seq_;
        if (remote_checkpoint_writable_) {
            PutRemoteCheckpoint();
        } else {
            AfterBatch(now_ms);
        }
        return;
    case PullStep::PutCheckpoint: {
        if (!Take(pull_, r)) {
            return;
        }
        if (r.status == 401 || r.status == 403) {
            remote_checkpoint_writable_ = false; // a reader: the local checkpoint alone
        } else if (FailOnStatus(r, now_ms)) {
            return;
        } else {
            remote_checkpoint_rev_ = store::StringField(ParseJson(r.body), "rev");
        }
        AfterBatch(now_ms);
        return;
    }
    }
}

bool Replicator::Pulls(std::string_view id) const {
    const std::string_view type = store::TypeOf(id);
    if (type.empty() || IsLocalOnlyType(type) || type == "conflict") {
        return false;
    }
    return !options_.pull_filter || options_.pull_filter(id);
}

// ---------------------------------------------------------------- push

std::vector<Document> Replicator::PushCandidates(size_t limit, uint64_t& through_seq) const {
    std::vector<Document> out;
    through_seq = pushed_seq_;
    for (const Document* doc : store_.ChangesSince(pushed_seq_)) {
        if (out.size() >= limit) {
            break;
        }
        through_seq = doc->seq;
        if (IsLocalOnlyType(doc->Type())) {
            continue;
        }
        auto leaf = store::DocumentStore::LeafOf(*doc);
        if (!leaf || known_remote_.count(Known(leaf->id, leaf->rev)) ||
            (options_.push_filter && !options_.push_filter(leaf->id))) {
            continue;
        }
        out.push_back(std::move(*leaf));
    }
    return out;
}

void Replicator::RefreshPending() {
    if (pending_for_seq_ == store_.Sequence()) {
        return;
    }
    pending_for_seq_ = store_.Sequence();
    uint64_t through = 0;
    status_.pending_up = PushCandidates(SIZE_MAX, through).size();
}

void Replicator::StartDiff() {
    push_docs_ = PushCandidates(push_batch_, push_through_seq_);
    if (push_docs_.empty()) {
        pushed_seq_ = push_through_seq_;
        push_step_ = PushStep::CaughtUp;
        status_.pending_known = true;
        if (status_.phase == Phase::Live) {
            status_.last_complete_ms = now_ms_;
        }
        return;
    }
    Json revs = Json::object();
    for (const Document& d : push_docs_) {
        revs[d.id].push_back(d.rev);
    }
    push_step_ = PushStep::Diff;
    Request("POST", url_->database + "/_revs_diff", revs.dump(), options_.request_timeout_ms,
            push_);
}

bool Replicator::OnDiff(const HttpResponse& r, int64_t now_ms) {
    const Json json = ParseJson(r.body);
    if (!json.is_object()) {
        Fail(Failure::BadReply, "_revs_diff: not an object", now_ms);
        return false;
    }
    upload_.clear();
    upload_done_ = 0;
    for (Document& d : push_docs_) {
        const auto entry = json.find(d.id);
        bool missing = false;
        if (entry != json.end()) {
            const auto list = entry->is_object() ? entry->find("missing") : entry->end();
            if (list == entry->end() || !list->is_array()) {
                Fail(Failure::BadReply, "_revs_diff: an entry without missing", now_ms);
                return false;
            }
            missing = std::find(list->begin(), list->end(), Json(d.rev)) != list->end();
        }
        if (missing) {
            upload_.push_back(d);
        } else {
            known_remote_.insert(Known(d.id, d.rev));
        }
    }
    return true;
}

void Replicator::StartUpload() {
    if (upload_done_ >= upload_.size()) {
        pushed_seq_ = push_through_seq_;
        pending_for_seq_ = ~0ULL;
        StartDiff();
        return;
    }
    const size_t end = std::min(upload_.size(), upload_done_ + push_batch_);
    Json docs = Json::array();
    for (size_t i = upload_done_; i < end; ++i) {
        docs.push_back(store::ToJson(upload_[i]));
    }
    push_step_ = PushStep::Upload;
    Request("POST", url_->database + "/_bulk_docs",
            Json{{"docs", docs}, {"new_edits", false}}.dump(), options_.request_timeout_ms, push_);
}

bool Replicator::OnUpload(const HttpResponse& r, int64_t now_ms) {
    const size_t end = std::min(upload_.size(), upload_done_ + push_batch_);
    if (r.status == 413) {
        if (end - upload_done_ > 1) {
            push_batch_ = std::max<size_t>(1, (end - upload_done_) / 2);
            StartUpload();
            return true;
        }
        Fail(Failure::TooLarge, upload_[upload_done_].id, now_ms);
        return false;
    }
    if (FailOnStatus(r, now_ms)) {
        return false;
    }
    const Json json = ParseJson(r.body);
    if (!json.is_array()) {
        Fail(Failure::BadReply, "_bulk_docs: not an array", now_ms);
        return false;
    }
    // new_edits:false answers only the refused documents (a validate_doc_update).
    std::unordered_set<std::string> refused;
    std::string reason;
    for (const Json& row : json) {
        if (row.is_object() && row.contains("error")) {
            refused.insert(store::StringField(row, "id"));
            if (reason.empty()) {
                reason = store::StringField(row, "id") + ": " + store::StringField(row, "error") +
                         " " + store::StringField(row, "reason");
            }
        }
    }
    for (size_t i = upload_done_; i < end; ++i) {
        if (!refused.count(upload_[i].id)) {
            known_remote_.insert(Known(upload_[i].id, upload_[i].rev));
            ++status_.pushed;
        }
    }
    pending_for_seq_ = ~0ULL;
    if (!refused.empty()) {
        Fail(Failure::NoPermission, reason, now_ms);
        return false;
    }
    upload_done_ = end;
    StartUpload();
    return true;
}

void Replicator::StepPush(int64_t now_ms) {
    HttpResponse r;
    switch (push_step_) {
    case PushStep::Idle:
        return;
    case PushStep::CaughtUp:
        // Live: a local change goes up after a short pause that gathers its neighbours.
        RefreshPending();
        if (!run_active_ && live_ && status_.pending_up > 0) {
            if (store_.Sequence() != seen_sequence_) {
                seen_sequence_ = store_.Sequence();
                push_not_before_ms_ = now_ms + options_.push_delay_ms;
            } else if (now_ms >= push_not_before_ms_) {
                StartDiff();
            }
        }
        return;
    case PushStep::Diff:
        if (!Take(push_, r)) {
            return;
        }
        if (r.status == 413 && push_docs_.size() > 1) {
            push_batch_ = std::max<size_t>(1, push_docs_.size() / 2); // the list itself too big
            StartDiff();
            return;
        }
        if (!FailOnStatus(r, now_ms) && OnDiff(r, now_ms)) {
            StartUpload();
        }
        return;
    case PushStep::Upload:
        if (Take(push_, r)) {
            OnUpload(r, now_ms);
        }
        return;
    }
}

// ---------------------------------------------------------------- Step

void Replicator::Step(int64_t now_ms) {
    now_ms_ = now_ms;
    if (!url_) {
        return;
    }
    if (status_.phase == Phase::Waiting && now_ms >= status_.retry_at_ms && online_) {
        run_requested_ = true;
    }
    if (run_requested_ && !run_active_ && pull_step_ != PullStep::Commit) {
        StartRun(now_ms);
    }
    // A few rounds, so that a reply and the request it leads to share a frame.
    for (int round = 0; round < 4; ++round) {
        const Phase before = status_.phase;
        if (status_.phase == Phase::LoggingIn) {
            StepLogin(now_ms);
        }
        if (status_.phase == Phase::Checking) {
            StepCheck(now_ms);
        }
        if (status_.phase == Phase::Pulling || status_.phase == Phase::Pushing ||
            status_.phase == Phase::Live) {
            StepPull(now_ms);
        }
        if (status_.phase == Phase::Pulling && pull_step_ == PullStep::CaughtUp) {
            status_.phase = Phase::Pushing;
            pending_for_seq_ = ~0ULL;
            StartDiff();
        }
        if (status_.phase == Phase::Pushing || status_.phase == Phase::Live) {
            StepPush(now_ms);
        }
        if (status_.phase == Phase::Pushing && push_step_ == PushStep::CaughtUp) {
            seen_sequence_ = store_.Sequence();
            Complete(now_ms);
        }
        if (status_.phase == before) {
            break;
        }
    }
    RefreshPending();
}

} // namespace linli::sync
