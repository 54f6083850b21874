#pragma once
// Sync with a CouchDB database (Settings → 同步): the server, the user and the password
// (sealed by the platform, never stored in plain text), the replicator that runs live
// whenever the device is online, this device's "last synced" on its device document, and
// the conflicts replication found, with their resolution.
// Who syncs what (docs/sync.md): a URL whose database name ends in "-volunteers" makes this
// a volunteer's phone, which pulls the desks' offers and confirmations from it and pushes
// only its own sign-ups. Any other database is the staff one: everything but the exchange
// documents, and beside it the volunteers' database (<name>-volunteers on the same server),
// where this desk publishes and takes sign-ups (app/volunteers/volunteer_exchange.hpp).
// Document type "syncconfig" (local only, never replicated), id "syncconfig:this":
//   {url, user, sealed_password, last_complete_ms}.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"
#include "app/volunteers/volunteer_exchange.hpp"
#include "app/writer.hpp"
#include "sync/replicator.hpp"

namespace linli {

// A document edited on two devices: the version every device shows (CouchDB's winner)
// and the other one, kept until someone chooses.
struct ConflictView {
    std::string conflict_id, conflict_rev; // the conflict: document that keeps the other
    std::string doc_id;
    store::Json shown;        // the winner's body
    store::Json other;        // the losing branch's body
    std::string other_device; // who made the other version, when it says
};

enum class SyncRole { Staff, Volunteer };
// The role a database URL gives this device.
SyncRole RoleOfUrl(std::string_view url);
// The volunteers' database beside a staff one ("" when the URL is not a database URL).
std::string VolunteersUrlOf(std::string_view staff_url);

class SyncService {
  public:
    SyncService(Writer& writer, store::Database& db, VolunteerExchange& exchange);
    ~SyncService();
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;
    static void RegisterTypes(store::SchemaRegistry& schemas);

    // The platform's HTTP; sync stays off until it is attached. Reads the saved settings
    // (after the documents are loaded) and, unless a password must be unsealed first,
    // starts syncing.
    void Attach(sync::HttpTransport& http, int64_t now_ms);

    // ---- settings
    std::string Url() const;
    std::string User() const;
    bool HasPassword() const;
    // Saves the server and the user and starts a run. An empty password keeps the one
    // already known for the same user. An empty URL turns sync off.
    Outcome Configure(std::string_view url, std::string_view user, std::string_view password,
                      int64_t now_ms);

    // ---- runs
    void SyncNow(int64_t now_ms);
    void SetOnline(bool online, int64_t now_ms);
    // Steps the replicator; true when what the status line shows changed.
    bool Step(int64_t now_ms);
    const sync::Status& Status() const;
    SyncRole Role() const { return RoleOfUrl(Url()); }
    // Staff: the replication with the volunteers' database beside the staff one (nullptr
    // on a volunteer's phone or when sync is off).
    const sync::Status* VolunteersStatus() const;
    bool Configured() const;
    bool Running() const;
    std::optional<int64_t> WakeAt() const;
    // The last run that caught up both ways, here or (after a reload) as saved.
    int64_t LastCompleteMs() const;

    // ---- the password, sealed by the platform (a key it cannot export)
    // A password typed in, for the platform to seal (taken once).
    std::optional<std::string> TakeToSeal();
    void Sealed(std::string_view sealed, int64_t now_ms);
    // At start: the sealed password, for the platform to open (taken once).
    std::optional<std::string> TakeToUnseal();
    void Unsealed(std::string_view password, int64_t now_ms);
    void UnsealFailed(int64_t now_ms); // the key is gone: the password must be typed again
    bool PasswordNeeded() const { return password_needed_; }

    // ---- conflicts
    std::vector<ConflictView> Conflicts() const;
    size_t ConflictCount() const;
    std::optional<ConflictView> ConflictOf(const std::string& doc_id) const;
    // keep_other: the other version becomes the document; else the shown one stays. The
    // choice is one write and replicates like any edit.
    Outcome Resolve(const std::string& conflict_id, bool keep_other, int64_t now_ms);

  private:
    const store::Document* ConfigDoc() const;
    Outcome SaveConfig(store::Json body);
    void StartReplicator(int64_t now_ms);
    void NoteDeviceSynced(int64_t now_ms);

    Writer& writer_;
    store::Database& db_;
    VolunteerExchange& exchange_;
    sync::HttpTransport* http_ = nullptr;
    std::unique_ptr<sync::Replicator> replicator_;
    std::unique_ptr<sync::Replicator> volunteers_replicator_; // staff only
    std::string password_;                                    // in memory only
    std::optional<std::string> to_seal_, to_unseal_;
    bool password_needed_ = false;
    bool online_ = true;
    int64_t seen_complete_ms_ = 0;
    int64_t device_noted_ms_ = 0;
    std::string status_key_;
};

} // namespace linli
