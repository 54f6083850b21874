#pragma once
// The desk: owns the document store, the durable database and the id generator, and one
// service per job (actions + read model). Screens call the services and ask outcomes
// whether their write is durable (StateOf); they never touch the database.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/jobs/job.hpp"
#include "app/leader/leader_service.hpp"
#include "app/outcome.hpp"
#include "app/sample/sample_data.hpp"
#include "app/sampling/sampling_service.hpp"
#include "app/settings/settings_service.hpp"
#include "app/supplies/medicine_service.hpp"
#include "app/supplies/supplies_service.hpp"
#include "app/sync/sync_service.hpp"
#include "app/volunteers/shifts_service.hpp"
#include "app/volunteers/volunteer_service.hpp"
#include "app/writer.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/store.hpp"

namespace linli {

// The document types and their schema upgrades, registered by each feature.
store::SchemaRegistry AppSchemas();

class AppData {
  public:
    AppData(store::Persistence& persistence, std::string device_tag);
    AppData(const AppData&) = delete;
    AppData& operator=(const AppData&) = delete;

    // Loads one chunk of the stored records (a JSON array [[key, doc], ...]); the start
    // may come in several chunks. Returns this chunk's report; LastLoad() adds them up.
    store::LoadReport Load(std::string_view records_json);
    const store::LoadReport& LastLoad() const { return last_load_; }

    SamplingService& Sampling() { return sampling_; }
    SuppliesService& Supplies() { return supplies_; }
    MedicineService& Medicine() { return medicine_; }
    SampleData& Sample() { return sample_; }
    const SampleData& Sample() const { return sample_; }
    // The leader's overview and daily report (reads only).
    LeaderService& Leader() { return leader_; }
    VolunteerService& Volunteers() { return volunteers_; }
    const VolunteerService& Volunteers() const { return volunteers_; }
    ShiftsService& Shifts() { return shifts_; }
    SyncService& Sync() { return sync_; }
    const SyncService& Sync() const { return sync_; }
    SettingsService& Settings() { return settings_; }
    const SettingsService& Settings() const { return settings_; }
    const std::string& DeviceTag() const { return ids_.DeviceTag(); }
    // Work across frames; the main loop steps it once per frame.
    JobRunner& Jobs() { return jobs_; }
    const JobRunner& Jobs() const { return jobs_; }

    // Whether an outcome's write is durable yet (see app/pending_write.hpp).
    WriteState StateOf(uint64_t txn) const { return writer_.StateOf(txn); }
    // The save state of the latest writes, for the status line.
    const store::SaveState& SaveState() const { return db_.State(); }
    size_t DocumentCount() const { return store_.Size(); }

    // Answers of the persistence layer about a write (the platform calls these).
    void WriteCommitted(uint64_t txn) { db_.Committed(txn); }
    void WriteFailed(uint64_t txn, store::FailureKind kind, const std::string& message,
                     const std::string& stored_records_json) {
        db_.Failed(txn, kind, message, stored_records_json);
    }
    // Records another tab stored ([[key, doc], ...]): merged, nothing written.
    size_t ApplyExternal(std::string_view records_json);

    // For tests that look at documents as stored.
    const store::DocumentStore& Store() const { return store_; }

  private:
    store::DocumentStore store_;
    store::Database db_;
    store::IdGenerator ids_;
    store::LoadReport last_load_;
    Writer writer_;
    SettingsService settings_;
    VolunteerService volunteers_;
    ShiftsService shifts_;
    VolunteerExchange exchange_;
    SamplingService sampling_;
    SuppliesService supplies_;
    MedicineService medicine_;
    SampleData sample_;
    SyncService sync_;
    LeaderService leader_;
    JobRunner jobs_;
};

} // namespace linli
