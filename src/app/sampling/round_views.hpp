#pragma once
// Views of the roster the sampling screens draw from, rebuilt only when the roster, the
// marks or what is asked changes: the door-to-door rows of a building (with offsets, so
// the screen draws only the rows on screen) and a round's missing and home-visit lists.
#include <cstdint>
#include <string>
#include <vector>

#include "app/sampling/sampling_model.hpp"

namespace linli {

// One line of the door-to-door list: a unit heading, a household heading or a resident.
struct WalkRow {
    enum class Kind { Unit, Household, Resident } kind = Kind::Resident;
    size_t resident = 0; // index into the model's residents (first of the household/unit)
    size_t count = 0;    // residents in the household or unit shown
    bool complete = false;
    float top = 0; // offset from the list's top
    float height = 0;
};

struct WalkRowsCache {
    std::string building, round_id;
    bool only_missing = false;
    uint64_t roster_version = UINT64_MAX, marks_version = UINT64_MAX;
    float row_scale = 0;
    std::vector<WalkRow> rows;
    float total_height = 0;
};

// The round's missing and home-visit lists, rebuilt only when the roster or the marks
// change (pointers into the model's residents, valid for that roster version).
struct RoundListsCache {
    std::string round_id;
    uint64_t roster_version = UINT64_MAX, marks_version = UINT64_MAX;
    std::vector<MissingHousehold> missing;
    std::vector<const Resident*> home_visits;
};

// Heights of the three kinds of rows, as the screen lays them out.
struct WalkRowHeights {
    float unit = 48.0f;
    float household = 44.0f;
    float resident = 72.0f;
};

// The rows of building (only the households not done in round when only_missing).
const WalkRowsCache& UpdateWalkRows(WalkRowsCache& cache, const SamplingModel& model,
                                    const std::string& building, const Round* round,
                                    bool only_missing, WalkRowHeights heights);

const RoundListsCache& UpdateRoundLists(RoundListsCache& cache, const SamplingModel& model,
                                        const Round& round);

} // namespace linli
