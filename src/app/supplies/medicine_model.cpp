#include "app/supplies/medicine_model.hpp"

namespace linli {

MedicineModel::MedicineModel() {
    projection_.On("medicine_request", [this](const store::Document& doc) {
        if (doc.deleted) {
            requests_.erase(doc.id);
        } else {
            requests_[doc.id] = MedicineRequestFromDoc(doc);
        }
    });
    projection_.On("medicine_check", [this](const store::Document& doc) {
        // Keyed by the resident the id names (a tombstone has no body to read).
        const std::string prefix = MedicineCheckId("");
        const std::string resident = doc.id.substr(prefix.size());
        if (doc.deleted) {
            checks_.erase(resident);
        } else {
            MedicineCheck c = MedicineCheckFromDoc(doc);
            c.resident_id = resident;
            checks_[resident] = std::move(c);
        }
    });
}

void MedicineModel::Refresh(const store::DocumentStore& store) {
    if (projection_.Refresh(store).Any()) {
        ++version_;
    }
}

std::vector<const MedicineRequest*> MedicineModel::Requests() const {
    std::vector<const MedicineRequest*> out;
    out.reserve(requests_.size());
    for (const auto& [id, r] : requests_) {
        out.push_back(&r);
    }
    return out;
}

std::vector<const MedicineRequest*> MedicineModel::OpenRequests() const {
    return OpenMedicineRequests(Requests());
}

const MedicineRequest* MedicineModel::FindRequest(const std::string& id) const {
    const auto it = requests_.find(id);
    return it == requests_.end() ? nullptr : &it->second;
}

std::vector<const MedicineRequest*>
MedicineModel::RequestsOf(const std::string& resident_id) const {
    std::vector<const MedicineRequest*> out;
    for (const auto& [id, r] : requests_) {
        if (r.resident_id == resident_id) {
            out.push_back(&r);
        }
    }
    return out;
}

const MedicineCheck* MedicineModel::FindCheck(const std::string& resident_id) const {
    const auto it = checks_.find(resident_id);
    return it == checks_.end() ? nullptr : &it->second;
}

const std::set<std::string>& MedicineModel::Asked() const {
    if (asked_version_ != version_) {
        asked_.clear();
        for (const auto& [id, r] : requests_) {
            asked_.insert(r.resident_id);
        }
        for (const auto& [resident, c] : checks_) {
            asked_.insert(resident);
        }
        asked_version_ = version_;
    }
    return asked_;
}

} // namespace linli
