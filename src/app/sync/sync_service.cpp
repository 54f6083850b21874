// Sections: settings (the syncconfig: document); runs and the status; the sealed
// password; conflicts.
#include "app/sync/sync_service.hpp"

#include "app/settings/settings_service.hpp"
#include "sync/couch_url.hpp"

namespace linli {

using store::Json;

namespace {

constexpr const char* kConfigId = "syncconfig:this";
// Live sync writes "last synced" on the device document at most this often: the leader's
// screen needs minutes, not every long-poll.
constexpr int64_t kDeviceNoteEveryMs = 10 * 60 * 1000;

} // namespace

SyncRole RoleOfUrl(std::string_view url) {
    const auto parsed = sync::ParseDatabaseUrl(url);
    return parsed && parsed->name.ends_with("-volunteers") ? SyncRole::Volunteer : SyncRole::Staff;
}

std::string VolunteersUrlOf(std::string_view staff_url) {
    const auto parsed = sync::ParseDatabaseUrl(staff_url);
    return parsed ? parsed->server + parsed->name + "-volunteers" : std::string();
}

SyncService::SyncService(Writer& writer, store::Database& db, VolunteerExchange& exchange)
    : writer_(writer), db_(db), exchange_(exchange) {}

SyncService::~SyncService() = default;

void SyncService::RegisterTypes(store::SchemaRegistry& schemas) {
    schemas.Register("syncconfig", {}); // version 1
}

// ---------------------------------------------------------------- settings

const store::Document* SyncService::ConfigDoc() const {
    return writer_.Live(kConfigId);
}

std::string SyncService::Url() const {
    const store::Document* doc = ConfigDoc();
    return doc != nullptr ? store::StringField(doc->body, "url") : std::string();
}

std::string SyncService::User() const {
    const store::Document* doc = ConfigDoc();
    return doc != nullptr ? store::StringField(doc->body, "user") : std::string();
}

bool SyncService::HasPassword() const {
    return !password_.empty() || to_unseal_.has_value() ||
           (ConfigDoc() != nullptr &&
            !store::StringField(ConfigDoc()->body, "sealed_password").empty());
}

Outcome SyncService::SaveConfig(Json body) {
    body["type"] = "syncconfig";
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(kConfigId, std::move(body), writer_.RevOf(kConfigId)));
    return writer_.Commit(std::move(results));
}

Outcome SyncService::Configure(std::string_view url_in, std::string_view user_in,
                               std::string_view password, int64_t now_ms) {
    const std::string url = TrimSpaces(url_in);
    const std::string user = TrimSpaces(user_in);
    Outcome out;
    if (!url.empty() && !sync::ParseDatabaseUrl(url)) {
        out.problems.Add(SyncProblem::UrlNotHttp);
    }
    const bool same_user = user == User() && url == Url();
    const bool keeps_password = password.empty() && same_user && HasPassword();
    if (!user.empty() && password.empty() && !keeps_password) {
        out.problems.Add(SyncProblem::UserWithoutPassword);
    }
    if (!out.problems.empty()) {
        return out;
    }
    Json body = ConfigDoc() != nullptr ? ConfigDoc()->body : Json::object();
    body.erase("schema");
    body["url"] = url;
    body["user"] = user;
    if (user.empty()) {
        body.erase("sealed_password");
        password_.clear();
    } else if (!password.empty()) {
        body.erase("sealed_password"); // until the platform seals the new one
        password_ = std::string(password);
        to_seal_ = password_;
    }
    to_unseal_.reset();
    password_needed_ = false;
    out = SaveConfig(std::move(body));
    if (out.ok) {
        StartReplicator(now_ms);
    }
    return out;
}

// ---------------------------------------------------------------- runs and the status

void SyncService::Attach(sync::HttpTransport& http, int64_t now_ms) {
    http_ = &http;
    const store::Document* doc = ConfigDoc();
    const std::string sealed =
        doc != nullptr ? store::StringField(doc->body, "sealed_password") : std::string();
    if (!User().empty() && password_.empty()) {
        if (sealed.empty()) {
            password_needed_ = true; // saved before it could be sealed: ask again
        } else {
            to_unseal_ = sealed; // the run starts when the platform has opened it
        }
        return;
    }
    StartReplicator(now_ms);
}

// Made again for every new setting: the role decides what each replication carries.
// (Answers still on their way to the old ones are dropped.)
void SyncService::StartReplicator(int64_t now_ms) {
    if (http_ == nullptr) {
        return;
    }
    const auto make = [&](std::string url, sync::ReplicatorOptions options) {
        auto r = std::make_unique<sync::Replicator>(writer_.Store(), db_, *http_,
                                                    writer_.DeviceTag(), std::move(options));
        r->SetLive(true);
        r->Configure(sync::Endpoint{std::move(url), User(), password_});
        r->SetOnline(online_, now_ms);
        return r;
    };
    const auto not_exchange = [](std::string_view id) {
        return !VolunteerExchange::IsExchangeId(id);
    };
    sync::ReplicatorOptions main;
    volunteers_replicator_.reset();
    if (Role() == SyncRole::Volunteer) {
        main.pull_filter = VolunteerExchange::PhonePulls;
        main.push_filter = VolunteerExchange::PhonePushes(User());
    } else {
        main.pull_filter = not_exchange;
        main.push_filter = not_exchange;
        if (!Url().empty()) {
            sync::ReplicatorOptions side;
            side.pull_filter = VolunteerExchange::StaffPulls;
            side.push_filter = VolunteerExchange::StaffPushes;
            volunteers_replicator_ = make(VolunteersUrlOf(Url()), std::move(side));
        }
    }
    replicator_ = make(Url(), std::move(main));
    if (!Url().empty()) {
        NoteDeviceSynced(now_ms);
    }
}

void SyncService::SyncNow(int64_t now_ms) {
    if (!replicator_) {
        return;
    }
    NoteDeviceSynced(now_ms);
    replicator_->SyncNow(now_ms);
    if (volunteers_replicator_) {
        volunteers_replicator_->SyncNow(now_ms);
    }
}

void SyncService::SetOnline(bool online, int64_t now_ms) {
    online_ = online;
    for (auto* r : {replicator_.get(), volunteers_replicator_.get()}) {
        if (r != nullptr) {
            r->SetOnline(online, now_ms);
        }
    }
}

// The device document says when this device last synced (the leader's screen reads it):
// written as a run starts, so the run itself carries it up.
void SyncService::NoteDeviceSynced(int64_t now_ms) {
    const std::string id = DeviceDocId(writer_.DeviceTag());
    const store::Document* doc = writer_.Live(id);
    Json body = doc != nullptr ? doc->body : Json{{"type", "device"}, {"name", ""}};
    body.erase("schema");
    body["last_sync_ms"] = now_ms;
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(id, std::move(body), writer_.RevOf(id)));
    if (writer_.Commit(std::move(results)).ok) {
        device_noted_ms_ = now_ms;
    }
}

bool SyncService::Step(int64_t now_ms) {
    if (!replicator_) {
        return false;
    }
    replicator_->Step(now_ms);
    if (volunteers_replicator_) {
        volunteers_replicator_->Step(now_ms);
    }
    // Sign-ups over sync: after the replications, so what they brought is handled now.
    if (Configured()) {
        if (volunteers_replicator_) {
            exchange_.StepStaff(now_ms);
        } else if (Role() == SyncRole::Volunteer) {
            exchange_.StepPhone(User(), now_ms);
        }
    }
    const sync::Status& s = replicator_->GetStatus();
    if (s.last_complete_ms != 0 && s.last_complete_ms != seen_complete_ms_) {
        seen_complete_ms_ = s.last_complete_ms;
        const store::Document* doc = ConfigDoc();
        const int64_t saved = doc != nullptr ? store::IntField(doc->body, "last_complete_ms") : 0;
        // Saved for the status line after a reload; live runs complete often, so at most
        // every few minutes.
        if (doc != nullptr &&
            (saved == 0 || s.phase != sync::Phase::Live || now_ms - saved > kDeviceNoteEveryMs)) {
            Json body = doc->body;
            body.erase("schema");
            body["last_complete_ms"] = s.last_complete_ms;
            SaveConfig(std::move(body));
        }
        if (s.phase == sync::Phase::Live && now_ms - device_noted_ms_ > kDeviceNoteEveryMs) {
            NoteDeviceSynced(now_ms); // goes up with the next live push
        }
    }
    std::string key = std::to_string(static_cast<int>(s.phase)) + "|" +
                      std::to_string(static_cast<int>(s.failure)) + "|" +
                      std::to_string(s.last_complete_ms) + "|" + std::to_string(s.pending_up) +
                      "|" + std::to_string(s.pulled) + "|" + std::to_string(s.pushed) + "|" +
                      std::to_string(ConflictCount());
    if (const sync::Status* v = VolunteersStatus()) {
        key += "|" + std::to_string(static_cast<int>(v->phase)) + "|" +
               std::to_string(static_cast<int>(v->failure));
    }
    if (key == status_key_) {
        return false;
    }
    status_key_ = key;
    return true;
}

const sync::Status& SyncService::Status() const {
    static const sync::Status off;
    return replicator_ ? replicator_->GetStatus() : off;
}

const sync::Status* SyncService::VolunteersStatus() const {
    return volunteers_replicator_ ? &volunteers_replicator_->GetStatus() : nullptr;
}

bool SyncService::Configured() const {
    return !Url().empty();
}

bool SyncService::Running() const {
    return (replicator_ && replicator_->Running()) ||
           (volunteers_replicator_ && volunteers_replicator_->Running());
}

std::optional<int64_t> SyncService::WakeAt() const {
    std::optional<int64_t> at;
    for (const auto* r : {replicator_.get(), volunteers_replicator_.get()}) {
        const auto wake = r != nullptr ? r->WakeAt() : std::nullopt;
        if (wake && (!at || *wake < *at)) {
            at = wake;
        }
    }
    // The exchange looks again now and then (offers change as time ends shifts).
    if (Configured()) {
        const int64_t next = exchange_.NextPassMs();
        if (!at || next < *at) {
            at = next;
        }
    }
    return at;
}

int64_t SyncService::LastCompleteMs() const {
    const int64_t here = Status().last_complete_ms;
    if (here != 0) {
        return here;
    }
    const store::Document* doc = ConfigDoc();
    return doc != nullptr ? store::IntField(doc->body, "last_complete_ms") : 0;
}

// ---------------------------------------------------------------- the sealed password

std::optional<std::string> SyncService::TakeToSeal() {
    auto out = std::move(to_seal_);
    to_seal_.reset();
    return out;
}

void SyncService::Sealed(std::string_view sealed, int64_t now_ms) {
    (void)now_ms;
    const store::Document* doc = ConfigDoc();
    if (doc == nullptr || sealed.empty()) {
        return;
    }
    Json body = doc->body;
    body.erase("schema");
    body["sealed_password"] = std::string(sealed);
    SaveConfig(std::move(body));
}

std::optional<std::string> SyncService::TakeToUnseal() {
    auto out = std::move(to_unseal_);
    to_unseal_.reset();
    return out;
}

void SyncService::Unsealed(std::string_view password, int64_t now_ms) {
    password_ = std::string(password);
    password_needed_ = password_.empty();
    StartReplicator(now_ms);
}

void SyncService::UnsealFailed(int64_t now_ms) {
    (void)now_ms;
    password_needed_ = true;
}

// ---------------------------------------------------------------- conflicts

namespace {

std::optional<ConflictView> ViewOf(const Writer& writer, const store::Document& conflict) {
    const std::string of = store::StringField(conflict.body, "of");
    const store::Document* shown = writer.Store().Get(of);
    const auto leaf = store::DocumentStore::LeafOf(conflict);
    if (of.empty() || shown == nullptr || !leaf) {
        return std::nullopt;
    }
    ConflictView view;
    view.conflict_id = conflict.id;
    view.conflict_rev = conflict.rev;
    view.doc_id = of;
    view.shown = shown->deleted ? Json::object() : shown->body;
    view.other = leaf->body;
    view.other_device = store::StringField(leaf->body, "device");
    return view;
}

} // namespace

std::vector<ConflictView> SyncService::Conflicts() const {
    std::vector<ConflictView> out;
    for (const store::Document* doc : writer_.Store().OfType("conflict")) {
        if (doc->deleted) {
            continue;
        }
        if (auto view = ViewOf(writer_, *doc)) {
            out.push_back(std::move(*view));
        }
    }
    return out;
}

size_t SyncService::ConflictCount() const {
    size_t n = 0;
    for (const store::Document* doc : writer_.Store().OfType("conflict")) {
        n += doc->deleted ? 0 : 1;
    }
    return n;
}

std::optional<ConflictView> SyncService::ConflictOf(const std::string& doc_id) const {
    const auto open = writer_.Store().ConflictsOf(doc_id);
    if (open.empty()) {
        return std::nullopt;
    }
    return ViewOf(writer_, *open.front());
}

Outcome SyncService::Resolve(const std::string& conflict_id, bool keep_other, int64_t now_ms) {
    (void)now_ms;
    const store::Document* conflict = writer_.Store().Get(conflict_id);
    Outcome out;
    if (conflict == nullptr || conflict->deleted) {
        out.error = store::EditError::NotFound;
        return out;
    }
    const auto view = ViewOf(writer_, *conflict);
    if (!view) {
        out.error = store::EditError::Invalid;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    if (keep_other) {
        // The other version's content goes on top of the shown one, as a new edit.
        Json body = view->other;
        body.erase("schema");
        const store::Document* shown = writer_.Store().Get(view->doc_id);
        results.push_back(
            writer_.Store().Put(view->doc_id, std::move(body), shown->deleted ? "" : shown->rev));
    }
    auto ended = writer_.Store().EndConflict(conflict_id, view->conflict_rev);
    if (!ended.ok()) {
        results.push_back({std::nullopt, ended.error});
    } else {
        for (store::Change& change : *ended.value) {
            results.push_back({std::move(change), store::EditError::Invalid});
        }
    }
    return writer_.Commit(std::move(results));
}

} // namespace linli
