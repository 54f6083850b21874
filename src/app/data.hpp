#pragma once
// The app's data actions: what the screens call to read and change documents. Each
// action is one durable transaction (store::Database).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/sampling_model.hpp"
#include "core/roster.hpp"
#include "core/sampling.hpp"
#include "core/volunteer.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/store.hpp"

namespace linli {

// The document types and their schema upgrades, in one place.
store::SchemaRegistry AppSchemas();

struct EditOutcome {
    bool ok = false;
    std::vector<VolunteerProblem> problems; // input to fix
    std::optional<store::EditError> error;  // the store refused (stale, read-only, ...)
    std::string id;
};

enum class BackupError { None, NotJson, NotLinliBackup, NewerFormat, BadDocument };

struct RestoreReport {
    BackupError error = BackupError::None;
    size_t bad_index = 0; // for BadDocument: which document (0-based)
    std::string bad_reason;
    size_t added = 0, updated = 0, unchanged = 0, conflicts = 0;
};

enum class ResidentProblem { NameMissing, NameTooLong, BuildingMissing, RoomMissing, BirthYear };

// What a sampling action did (or why not).
struct SamplingOutcome {
    bool ok = false;
    std::vector<ResidentProblem> problems;
    TubeProblem tube = TubeProblem::None;
    std::optional<store::EditError> error;
    std::string id;
    uint64_t txn = 0;         // the write to wait for (0: nothing written)
    bool tube_closed = false; // this sample filled the tube
};

std::vector<ResidentProblem> ValidateResident(const Resident& r, int current_year);

// Id of an imported resident: the same person in the same household gets the same id on
// every device, so two phones importing one spreadsheet offline converge when they sync.
std::string ImportedResidentId(const Resident& r);

class AppData {
  public:
    AppData(store::Persistence& persistence, std::string device_tag);

    store::LoadReport Load(std::string_view records_json);
    const store::LoadReport& LastLoad() const { return last_load_; }

    std::vector<Volunteer> Volunteers(std::string_view query) const;
    std::optional<Volunteer> FindVolunteer(const std::string& id) const;
    EditOutcome AddVolunteer(std::string_view name, std::string_view phone, int64_t now_ms);
    EditOutcome UpdateVolunteer(const Volunteer& edited, int64_t now_ms);
    EditOutcome RemoveVolunteer(const std::string& id, const std::string& rev);

    std::string DeviceName() const;
    EditOutcome SetDeviceName(std::string_view name, int64_t now_ms);
    const std::string& DeviceTag() const { return ids_.DeviceTag(); }

    // Sampling rosters (app/data_sampling.cpp). The model is refreshed on each call.
    const SamplingModel& Sampling();
    // Adds (empty id) or updates a resident.
    SamplingOutcome SaveResident(const Resident& edited, int current_year, int64_t now_ms);
    SamplingOutcome RemoveResident(const std::string& id, const std::string& rev);
    SamplingOutcome SetBuildingLevel(const std::string& building, ControlLevel level);
    // Renames a building (all its residents move with it, in one transaction).
    SamplingOutcome RenameBuilding(const std::string& from, std::string_view to);
    // Deletes a building and everyone in it (tombstones, in one transaction).
    SamplingOutcome RemoveBuilding(const std::string& building);
    // Residents from an import, in one transaction: empty id = new (ImportedResidentId),
    // else an update of that id at that rev. Buildings new to the roster get a document.
    SamplingOutcome ImportResidents(const std::vector<Resident>& batch);
    SamplingOutcome CreateRound(Round round, int64_t now_ms);
    // Deletes a round created by mistake, with its marks and tubes (one transaction).
    SamplingOutcome RemoveRound(const std::string& round_id);
    // Saves a round's date, kind, sites and scope (the pooling stays once tubes exist).
    SamplingOutcome UpdateRound(const Round& edited);
    // One tap: sampled goes into this device's open tube (closing it when full).
    SamplingOutcome MarkResident(const std::string& round_id, const std::string& resident_id,
                                 MarkStatus status, int64_t now_ms);
    SamplingOutcome OpenTube(const std::string& round_id, std::string_view typed_number,
                             int64_t now_ms);
    SamplingOutcome CloseTube(const std::string& round_id, const std::string& number);
    SamplingOutcome SetTubeResult(const std::string& round_id, const std::string& number,
                                  TubeResult result);

    // All documents (tombstones included) as one JSON file.
    std::string ExportBackup(int64_t now_ms) const;
    // Merges a backup in; a file that is not a whole, valid backup changes nothing.
    RestoreReport Restore(std::string_view file_text);

    // Records another tab stored ([[key, doc], ...]): merged, nothing written.
    size_t ApplyExternal(std::string_view records_json);

    store::Database& Db() { return db_; }
    const store::Database& Db() const { return db_; }
    store::DocumentStore& Store() { return store_; }
    const store::DocumentStore& Store() const { return store_; }

  private:
    EditOutcome Commit(store::Result<store::Change> result);
    SamplingOutcome EditTube(const std::string& round_id, const std::string& number,
                             const std::function<void(Tube&)>& change);

    store::DocumentStore store_;
    store::Database db_;
    store::IdGenerator ids_;
    store::LoadReport last_load_;
    SamplingModel sampling_;
};

} // namespace linli
