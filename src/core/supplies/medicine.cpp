#include "core/supplies/medicine.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "base/utf8.hpp"

namespace linli {

bool IsOpen(MedicineStatus s) {
    return s == MedicineStatus::New || s == MedicineStatus::Assigned || s == MedicineStatus::Bought;
}

std::vector<MedicineProblem> ValidateMedicineRequest(const MedicineRequest& r) {
    std::vector<MedicineProblem> problems;
    if (TrimSpaces(r.resident_id).empty()) {
        problems.push_back(MedicineProblem::ResidentMissing);
    }
    const std::string drug = TrimSpaces(r.drug);
    if (drug.empty()) {
        problems.push_back(MedicineProblem::DrugMissing);
    } else if (CountCharacters(drug) > kMaxDrugCharacters) {
        problems.push_back(MedicineProblem::DrugTooLong);
    }
    return problems;
}

bool MedicineBefore(const MedicineRequest& a, const MedicineRequest& b) {
    if (a.urgency != b.urgency) {
        return static_cast<int>(a.urgency) < static_cast<int>(b.urgency);
    }
    if (a.created_at != b.created_at) {
        return a.created_at < b.created_at;
    }
    return a.id < b.id;
}

std::vector<const MedicineRequest*>
OpenMedicineRequests(const std::vector<const MedicineRequest*>& requests) {
    std::vector<const MedicineRequest*> open;
    for (const MedicineRequest* r : requests) {
        if (IsOpen(r->status)) {
            open.push_back(r);
        }
    }
    std::sort(open.begin(), open.end(), [](const MedicineRequest* a, const MedicineRequest* b) {
        return MedicineBefore(*a, *b);
    });
    return open;
}

std::vector<Resident> ResidentsToAsk(const std::vector<Resident>& residents,
                                     const std::set<std::string>& asked) {
    std::vector<Resident> out;
    for (const Resident& r : residents) {
        if ((r.flags & kMedicineAskFlags) != 0 && asked.count(r.id) == 0) {
            out.push_back(r);
        }
    }
    std::sort(out.begin(), out.end(), [](const Resident& a, const Resident& b) {
        if (a.building != b.building) {
            return NaturalLess(a.building, b.building);
        }
        if (a.unit != b.unit) {
            return NaturalLess(a.unit, b.unit);
        }
        if (a.room != b.room) {
            return NaturalLess(a.room, b.room);
        }
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    return out;
}

} // namespace linli
