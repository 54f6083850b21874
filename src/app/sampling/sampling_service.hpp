#pragma once
// Sampling rosters: the actions (residents, buildings, rounds, marks, tubes) and their
// read model. Each action is one durable transaction through the Writer.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"
#include "app/sampling/sampling_docs.hpp"
#include "app/sampling/sampling_model.hpp"
#include "app/settings/settings_service.hpp"
#include "app/writer.hpp"

namespace linli {

std::vector<ResidentProblem> ValidateResident(const Resident& r, int current_year);

class SamplingService {
  public:
    SamplingService(Writer& writer, const SettingsService& settings)
        : writer_(writer), settings_(settings) {}

    // The read model, brought up to date with the store (cheap when nothing changed).
    const SamplingModel& Model() {
        model_.Refresh(writer_.Store());
        return model_;
    }

    // Adds (empty id) or updates a resident.
    Outcome SaveResident(const Resident& edited, int current_year, int64_t now_ms);
    Outcome RemoveResident(const std::string& id, const std::string& rev);
    Outcome SetBuildingLevel(const std::string& building, ControlLevel level);
    // Renames a building (all its residents move with it, in one transaction).
    Outcome RenameBuilding(const std::string& from, std::string_view to);
    // Deletes a building and everyone in it (tombstones, in one transaction).
    Outcome RemoveBuilding(const std::string& building);
    // Residents from an import, in one transaction: empty id = new (ImportedResidentId),
    // else an update of that id at that rev. Buildings new to the roster get a document.
    Outcome ImportResidents(const std::vector<Resident>& batch);
    Outcome CreateRound(Round round, int64_t now_ms);
    // Deletes a round created by mistake, with its marks and tubes (one transaction).
    Outcome RemoveRound(const std::string& round_id);
    // Saves a round's date, kind, sites and scope (the pooling stays once tubes exist).
    Outcome UpdateRound(const Round& edited);
    // One tap: sampled goes into this device's open tube (closing it when full:
    // Effect::TubeClosed).
    Outcome MarkResident(const std::string& round_id, const std::string& resident_id,
                         MarkStatus status, int64_t now_ms);
    Outcome OpenTube(const std::string& round_id, std::string_view typed_number, int64_t now_ms);
    Outcome CloseTube(const std::string& round_id, const std::string& number);
    Outcome SetTubeResult(const std::string& round_id, const std::string& number,
                          TubeResult result);

  private:
    Outcome EditTube(const std::string& round_id, const std::string& number,
                     const std::function<void(Tube&)>& change);
    store::DocumentStore& store() { return writer_.Store(); }

    Writer& writer_;
    const SettingsService& settings_;
    SamplingModel model_;
};

} // namespace linli
