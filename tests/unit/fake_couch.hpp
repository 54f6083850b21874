#pragma once
// A small CouchDB for the replicator's native tests: one database with revision trees
// (leaves with their _revisions), an update sequence, _local documents, _session logins,
// _changes (normal and long-poll), _revs_diff, _bulk_get and _bulk_docs new_edits:false.
// Tests break it on purpose: offline, a body limit (413), replies replaced, refusals.
// The real server (PouchDB Server) is exercised by the browser tests.
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/hash.hpp"
#include "store/document.hpp"
#include "sync/http.hpp"

namespace linli::testing {

using store::Json;
using sync::HttpRequest;
using sync::HttpResponse;

class FakeCouch final : public sync::HttpTransport {
  public:
    std::string server = "http://couch.test/";
    std::string name = "linli";
    std::string Url() const { return server + name; }

    // Breaking it.
    bool offline = false;
    size_t max_body = SIZE_MAX;       // larger request bodies get a 413
    std::optional<size_t> fail_after; // requests answered before going offline
    std::function<std::optional<HttpResponse>(const HttpRequest&)> intercept;
    std::function<bool(const Json& doc)> accept_write = [](const Json&) { return true; };
    std::map<std::string, std::string> users; // none: no login needed
    bool session = false;

    std::vector<HttpRequest> log;
    size_t docs_fetched = 0;  // revisions handed out by _bulk_get
    size_t docs_uploaded = 0; // revisions taken by _bulk_docs

    void Send(HttpRequest request, std::function<void(HttpResponse)> done) override {
        log.push_back(request);
        if (fail_after) {
            if (*fail_after == 0) {
                offline = true;
            } else {
                --*fail_after;
            }
        }
        if (offline) {
            done(HttpResponse{0, "", "connection refused"});
            return;
        }
        if (intercept) {
            if (auto reply = intercept(request)) {
                done(*reply);
                return;
            }
        }
        if (request.body.size() > max_body) {
            done(Reply(413, Json{{"error", "too_large"}, {"reason", "the request was too large"}}));
            return;
        }
        Handle(request, std::move(done));
    }

    // Long-polls waiting for a change, answered now with nothing (their timeout).
    void TimeOutLongPolls() {
        auto held = std::move(held_);
        held_.clear();
        for (auto& [since, done] : held) {
            done(Reply(200, Json{{"results", Json::array()}, {"last_seq", since}}));
        }
    }
    size_t HeldLongPolls() const { return held_.size(); }

    // An edit by another client (a new revision on the winning leaf), as PUT would make.
    std::string EditOnServer(const std::string& id, Json body, bool deleted = false) {
        auto& leaves = docs_[id];
        Json doc = std::move(body);
        int generation = 1;
        Json ids = Json::array();
        std::string parent;
        if (!leaves.empty()) {
            const Json& winner = WinnerLeaf(id);
            parent = winner["_rev"];
            generation = winner["_revisions"]["start"].get<int>() + 1;
            ids = winner["_revisions"]["ids"];
        }
        const std::string material = parent + doc.dump() + (deleted ? "d" : "");
        char hash[33];
        std::snprintf(hash, sizeof hash, "%016llx%016llx",
                      static_cast<unsigned long long>(Fnv1a64(material)),
                      static_cast<unsigned long long>(Fnv1a64(material, 7)));
        ids.insert(ids.begin(), std::string(hash));
        doc["_id"] = id;
        doc["_rev"] = std::to_string(generation) + "-" + hash;
        doc["_revisions"] = Json{{"start", generation}, {"ids", ids}};
        if (deleted) {
            doc["_deleted"] = true;
        }
        Insert(doc);
        return doc["_rev"];
    }

    // CouchDB's winner: not deleted, then the longest history, then the greater rev.
    const Json& WinnerLeaf(const std::string& id) const {
        const auto& leaves = docs_.at(id);
        const Json* best = &leaves.front();
        for (const Json& leaf : leaves) {
            if (Wins(leaf, *best)) {
                best = &leaf;
            }
        }
        return *best;
    }
    std::vector<std::string> LiveLeaves(const std::string& id) const {
        std::vector<std::string> out;
        const auto it = docs_.find(id);
        if (it != docs_.end()) {
            for (const Json& leaf : it->second) {
                if (!leaf.value("_deleted", false)) {
                    out.push_back(leaf["_rev"]);
                }
            }
        }
        return out;
    }
    bool Has(const std::string& id) const { return docs_.count(id) > 0; }
    const std::map<std::string, std::vector<Json>>& AllIds() const { return docs_; }
    size_t DocCount() const { return docs_.size(); }
    const std::map<std::string, Json>& Locals() const { return locals_; }
    void ForgetEverything() { // the database deleted and made again
        docs_.clear();
        seq_of_.clear();
        locals_.clear();
        seq_ = 0;
    }

  private:
    static HttpResponse Reply(int status, const Json& body) {
        return HttpResponse{status, body.dump(), ""};
    }
    static std::vector<std::string> RevsOf(const Json& doc) {
        std::vector<std::string> out;
        int g = doc["_revisions"]["start"].get<int>();
        for (const Json& h : doc["_revisions"]["ids"]) {
            out.push_back(std::to_string(g--) + "-" + h.get<std::string>());
        }
        return out;
    }
    static bool Wins(const Json& a, const Json& b) {
        const bool ad = a.value("_deleted", false), bd = b.value("_deleted", false);
        if (ad != bd) {
            return !ad;
        }
        const int ag = a["_revisions"]["start"].get<int>(),
                  bg = b["_revisions"]["start"].get<int>();
        if (ag != bg) {
            return ag > bg;
        }
        return a["_rev"].get<std::string>() > b["_rev"].get<std::string>();
    }
    bool HasRev(const std::string& id, const std::string& rev) const {
        const auto it = docs_.find(id);
        if (it == docs_.end()) {
            return false;
        }
        for (const Json& leaf : it->second) {
            for (const auto& r : RevsOf(leaf)) {
                if (r == rev) {
                    return true;
                }
            }
        }
        return false;
    }
    void Insert(const Json& doc) {
        const std::string id = doc["_id"];
        auto& leaves = docs_[id];
        const auto revs = RevsOf(doc);
        if (HasRev(id, doc["_rev"])) {
            return;
        }
        bool replaced = false;
        for (Json& leaf : leaves) {
            if (std::find(revs.begin(), revs.end(), leaf["_rev"].get<std::string>()) !=
                revs.end()) {
                leaf = doc;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            leaves.push_back(doc);
        }
        seq_of_[id] = ++seq_;
        auto held = std::move(held_);
        held_.clear();
        for (auto& [since, done] : held) {
            done(Changes(since, 500));
        }
    }
    HttpResponse Changes(int64_t since, size_t limit) const {
        std::vector<std::pair<int64_t, std::string>> rows;
        for (const auto& [id, s] : seq_of_) {
            if (s > since) {
                rows.emplace_back(s, id);
            }
        }
        std::sort(rows.begin(), rows.end());
        Json results = Json::array();
        int64_t last = since;
        for (size_t i = 0; i < rows.size() && i < limit; ++i) {
            const auto& [s, id] = rows[i];
            Json changes = Json::array();
            for (const Json& leaf : docs_.at(id)) {
                changes.push_back(Json{{"rev", leaf["_rev"]}});
            }
            Json row{{"seq", s}, {"id", id}, {"changes", changes}};
            if (WinnerLeaf(id).value("_deleted", false)) {
                row["deleted"] = true;
            }
            results.push_back(row);
            last = s;
        }
        return Reply(200, Json{{"results", results}, {"last_seq", last}});
    }
    static std::string Param(const std::string& url, const std::string& key) {
        const size_t q = url.find('?');
        if (q == std::string::npos) {
            return {};
        }
        const std::string query = "&" + url.substr(q + 1) + "&";
        const size_t at = query.find("&" + key + "=");
        if (at == std::string::npos) {
            return {};
        }
        const size_t start = at + key.size() + 2;
        return query.substr(start, query.find('&', start) - start);
    }

    void Handle(const HttpRequest& req, std::function<void(HttpResponse)> done) {
        if (req.url == server + "_session" && req.method == "POST") {
            const Json body = Json::parse(req.body, nullptr, false);
            const auto user = users.find(store::StringField(body, "name"));
            if (user == users.end() || user->second != store::StringField(body, "password")) {
                done(Reply(401, Json{{"error", "unauthorized"},
                                     {"reason", "Name or password is incorrect."}}));
                return;
            }
            session = true;
            done(Reply(200, Json{{"ok", true}, {"name", user->first}}));
            return;
        }
        const std::string base = Url();
        const bool ours = req.url.rfind(base, 0) == 0 &&
                          (req.url.size() == base.size() || req.url[base.size()] == '/' ||
                           req.url[base.size()] == '?');
        if (!ours && req.url.rfind(server, 0) == 0) { // another database on this server
            done(Reply(404, Json{{"error", "not_found"}, {"reason", "Database does not exist."}}));
            return;
        }
        if (!ours) {
            done(HttpResponse{404, "<html>Not Found</html>", ""});
            return;
        }
        if (!users.empty() && !session) {
            done(Reply(401, Json{{"error", "unauthorized"}, {"reason", "You are not authorized"}}));
            return;
        }
        const std::string rest = req.url.substr(base.size());
        const std::string path = rest.substr(0, rest.find('?'));
        const Json body = Json::parse(req.body, nullptr, false);
        if (path == "/" && req.method == "GET") {
            done(Reply(200, Json{{"db_name", name}, {"update_seq", seq_}}));
        } else if (path.rfind("/_local/", 0) == 0) {
            const std::string id = path.substr(1);
            if (req.method == "GET") {
                const auto it = locals_.find(id);
                done(it == locals_.end() ? Reply(404, Json{{"error", "not_found"}})
                                         : Reply(200, it->second));
            } else {
                Json doc = body;
                const auto it = locals_.find(id);
                if (it != locals_.end() && store::StringField(doc, "_rev") != it->second["_rev"]) {
                    done(Reply(409, Json{{"error", "conflict"}}));
                    return;
                }
                const int n = it == locals_.end()
                                  ? 1
                                  : std::stoi(it->second["_rev"].get<std::string>().substr(2)) + 1;
                doc["_rev"] = "0-" + std::to_string(n);
                locals_[id] = doc;
                done(Reply(201, Json{{"ok", true}, {"id", id}, {"rev", doc["_rev"]}}));
            }
        } else if (path == "/_changes") {
            const int64_t since = std::stoll("0" + Param(req.url, "since"));
            const size_t limit = std::stoul(Param(req.url, "limit"));
            HttpResponse r = Changes(since, limit);
            if (Param(req.url, "feed") == "longpoll" && Json::parse(r.body)["results"].empty()) {
                held_.emplace_back(since, std::move(done));
                return;
            }
            done(r);
        } else if (path == "/_revs_diff") {
            Json out = Json::object();
            for (const auto& [id, revs] : body.items()) {
                Json missing = Json::array();
                for (const Json& rev : revs) {
                    if (!HasRev(id, rev)) {
                        missing.push_back(rev);
                    }
                }
                if (!missing.empty()) {
                    out[id] = Json{{"missing", missing}};
                }
            }
            done(Reply(200, out));
        } else if (path == "/_bulk_get") {
            Json results = Json::array();
            for (const Json& want : body["docs"]) {
                const std::string id = want["id"], rev = want["rev"];
                Json entry;
                const auto it = docs_.find(id);
                if (it != docs_.end()) {
                    for (const Json& leaf : it->second) {
                        if (leaf["_rev"] == rev) {
                            entry = Json{{"ok", leaf}};
                            ++docs_fetched;
                        }
                    }
                }
                if (entry.is_null()) {
                    entry = Json{{"error", {{"id", id}, {"rev", rev}, {"error", "not_found"}}}};
                }
                results.push_back(Json{{"id", id}, {"docs", Json::array({entry})}});
            }
            done(Reply(200, Json{{"results", results}}));
        } else if (path == "/_bulk_docs") {
            Json out = Json::array();
            for (const Json& doc : body["docs"]) {
                if (!accept_write(doc)) {
                    out.push_back(Json{
                        {"id", doc["_id"]}, {"error", "forbidden"}, {"reason", "not allowed"}});
                    continue;
                }
                ++docs_uploaded;
                Insert(doc);
            }
            done(Reply(201, out));
        } else {
            done(Reply(404, Json{{"error", "not_found"}}));
        }
    }

    std::map<std::string, std::vector<Json>> docs_;
    std::map<std::string, int64_t> seq_of_;
    std::map<std::string, Json> locals_;
    int64_t seq_ = 0;
    std::vector<std::pair<int64_t, std::function<void(HttpResponse)>>> held_;
};

// Several databases on one server (the staff one and the volunteers'): requests go to the
// database their URL names; a login goes to each (one cookie for the whole server).
class FakeServer final : public sync::HttpTransport {
  public:
    FakeCouch& Add(const std::string& name) {
        auto& db = dbs_.emplace_back(std::make_unique<FakeCouch>());
        db->name = name;
        return *db;
    }
    void Send(HttpRequest request, std::function<void(HttpResponse)> done) override {
        for (auto& db : dbs_) {
            const std::string base = db->Url();
            if (request.url == db->server + "_session") {
                for (auto& each : dbs_) {
                    if (each != dbs_.front()) {
                        each->Send(request, [](HttpResponse) {});
                    }
                }
                dbs_.front()->Send(std::move(request), std::move(done));
                return;
            }
            if (request.url.rfind(base, 0) == 0 &&
                (request.url.size() == base.size() || request.url[base.size()] == '/' ||
                 request.url[base.size()] == '?')) {
                db->Send(std::move(request), std::move(done));
                return;
            }
        }
        done(HttpResponse{404, R"({"error":"not_found","reason":"Database does not exist."})", ""});
    }
    // Long-polls of every database, answered now with nothing.
    void TimeOutLongPolls() {
        for (auto& db : dbs_) {
            db->TimeOutLongPolls();
        }
    }

  private:
    std::vector<std::unique_ptr<FakeCouch>> dbs_;
};

} // namespace linli::testing
