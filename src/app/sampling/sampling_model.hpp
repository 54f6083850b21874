#pragma once
// The roster and rounds as the screens read them, kept up to date from the document
// store incrementally (only documents changed since the last refresh are converted), so
// a tap on one resident of 30,000 does not rebuild the roster.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/sampling/sampling_docs.hpp"
#include "core/roster/roster.hpp"
#include "core/sampling/sampling.hpp"
#include "store/projection.hpp"
#include "store/store.hpp"

namespace linli {

// A unit of a building and its households, for the door-to-door view.
struct HouseholdRef {
    std::string room;
    size_t first = 0; // index into Residents()
    size_t count = 0;
};
struct UnitRef {
    std::string unit;
    std::vector<HouseholdRef> households;
    size_t residents = 0;
};
struct BuildingRef {
    std::string name;
    std::vector<UnitRef> units;
    size_t residents = 0;
    size_t households = 0;
};

class SamplingModel {
  public:
    SamplingModel();
    SamplingModel(const SamplingModel&) = delete; // the projection's handlers point here
    SamplingModel& operator=(const SamplingModel&) = delete;

    // Brings the model up to date; cheap when the store has not changed.
    void Refresh(const store::DocumentStore& store);

    // Bumped when residents or buildings change / when marks or tubes change.
    uint64_t RosterVersion() const { return roster_version_; }
    uint64_t MarksVersion() const { return marks_version_; }

    const std::vector<Resident>& Residents() const { return ordered_; } // RosterOrder
    const Resident* FindResident(const std::string& id) const;
    // Buildings with residents (and those with only a building document), natural order.
    const std::vector<BuildingRef>& Buildings() const { return buildings_; }
    const BuildingRef* FindBuildingRef(const std::string& name) const;
    ControlLevel LevelOf(const std::string& building) const;
    const Building* FindBuilding(const std::string& name) const;

    // Newest first (date, then creation).
    std::vector<const Round*> Rounds() const;
    const Round* FindRound(const std::string& id) const;
    // The round before this one (by date, then creation), for comparison.
    const Round* PreviousRound(const Round& round) const;

    const MarksByResident& MarksOf(const std::string& round_id) const;
    const Mark* FindMark(const std::string& round_id, const std::string& resident_id) const;
    std::vector<const Tube*> TubesOf(const std::string& round_id) const; // newest first
    const Tube* FindTube(const std::string& round_id, const std::string& number) const;
    const Tube* OpenTubeOf(const std::string& round_id, const std::string& device_tag) const;
    // Residents sampled into a tube (walking order).
    std::vector<const Resident*> TubeMembers(const std::string& round_id,
                                             const std::string& number) const;
    size_t TubeCount(const std::string& round_id, const std::string& number) const;

    // Cached per round and versions.
    const RoundProgress& ProgressOf(const Round& round) const;

  private:
    void RebuildOrder();

    store::Projection projection_;
    uint64_t roster_version_ = 0;
    uint64_t marks_version_ = 0;
    std::unordered_map<std::string, Resident> residents_;
    std::vector<Resident> ordered_;
    std::unordered_map<std::string, size_t> position_; // resident id -> index in ordered_
    std::vector<BuildingRef> buildings_;
    std::map<std::string, Building> building_docs_;
    std::map<std::string, Round> rounds_;
    std::unordered_map<std::string, Mark> marks_; // by mark id (node addresses are stable)
    std::unordered_map<std::string, MarksByResident> marks_by_round_;
    std::map<std::string, Tube> tubes_; // by tube id

    // round -> tube number -> resident ids, rebuilt when marks change.
    struct TubeMembersCache {
        uint64_t marks_version = 0;
        std::map<std::string, std::vector<std::string>> members;
    };
    const TubeMembersCache& MembersOf(const std::string& round_id) const;
    mutable std::unordered_map<std::string, TubeMembersCache> tube_members_;

    struct ProgressCache {
        uint64_t roster_version = 0, marks_version = 0;
        std::string round_rev;
        RoundProgress progress;
    };
    mutable std::unordered_map<std::string, ProgressCache> progress_cache_;
};

} // namespace linli
