#pragma once
// Medicine and urgent needs (药品需求): one request per drug a resident needs bought, with
// its urgency, who handles it and how far it got; and who has been asked. Residents with a
// chronic illness or living alone are asked first: the ones nobody has asked yet (no
// request and no "asked, needs nothing") are the list to call. Pure rules over plain
// structs.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/roster/roster.hpp"

namespace linli {

enum class Urgency { Now, Today, ThisWeek };
enum class MedicineStatus { New, Assigned, Bought, Delivered, CannotGet };

struct MedicineRequest {
    std::string id;
    std::string rev;
    std::string resident_id;
    std::string building, unit, room; // the resident's address when it was recorded
    std::string name;
    std::string phone;
    std::string drug;      // "硝苯地平控释片"
    std::string dose_note; // dose or prescription note: "30mg 每日一次，一个月的量"
    bool needs_medical_card = false; // the pharmacy needs the resident's 医保卡 / 就诊卡
    Urgency urgency = Urgency::Today;
    std::string handler; // who buys and brings it
    MedicineStatus status = MedicineStatus::New;
    std::string note;
    int64_t created_at = 0;
    int64_t updated_at = 0;
};

// "Asked, needs nothing": one per resident (asking again updates it).
struct MedicineCheck {
    std::string id;
    std::string rev;
    std::string resident_id;
    int64_t at = 0;
    std::string by;   // who asked (device label)
    std::string note; // "家里还有两周的药"
};

enum class MedicineProblem { ResidentMissing, UnknownResident, DrugMissing, DrugTooLong };

// The longest drug name accepted, in characters.
inline constexpr size_t kMaxDrugCharacters = 100;

// New, assigned and bought still need someone; delivered and cannot-get are done.
bool IsOpen(MedicineStatus s);

// Problems with what was typed, in form order (the resident's existence is the app's to
// check: UnknownResident is not reported here).
std::vector<MedicineProblem> ValidateMedicineRequest(const MedicineRequest& r);

// The order of the open list: the most urgent first, then the oldest, then by id.
bool MedicineBefore(const MedicineRequest& a, const MedicineRequest& b);
// The open requests among these, in that order.
std::vector<const MedicineRequest*>
OpenMedicineRequests(const std::vector<const MedicineRequest*>& requests);

// Residents who are asked about medicine: chronic illness or living alone.
inline constexpr uint32_t kMedicineAskFlags = kFlagChronic | kFlagLivesAlone;

// The residents flagged kMedicineAskFlags whose id is not in `asked` (residents with a
// request or a check), by building, unit and room (NaturalLess), then name.
std::vector<Resident> ResidentsToAsk(const std::vector<Resident>& residents,
                                     const std::set<std::string>& asked);

} // namespace linli
