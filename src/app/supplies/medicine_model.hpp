#pragma once
// Medicine requests and checks as the screens read them, kept up to date from the store's
// change sequence through one projection (one handler per document type).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/supplies/medicine_docs.hpp"
#include "store/projection.hpp"
#include "store/store.hpp"

namespace linli {

class MedicineModel {
  public:
    MedicineModel();
    MedicineModel(const MedicineModel&) = delete; // the projection's handlers point here
    MedicineModel& operator=(const MedicineModel&) = delete;

    void Refresh(const store::DocumentStore& store);
    // Bumped whenever a request or a check changes.
    uint64_t Version() const { return version_; }

    // Every request, in id order (ids sort by creation).
    std::vector<const MedicineRequest*> Requests() const;
    // New, assigned and bought: the most urgent first, then the oldest.
    std::vector<const MedicineRequest*> OpenRequests() const;
    const MedicineRequest* FindRequest(const std::string& id) const;
    // A resident's requests, done ones included, oldest first.
    std::vector<const MedicineRequest*> RequestsOf(const std::string& resident_id) const;
    // The resident's "asked, needs nothing", or nullptr.
    const MedicineCheck* FindCheck(const std::string& resident_id) const;
    // Residents with a request or a check.
    const std::set<std::string>& Asked() const;

  private:
    store::Projection projection_;
    std::map<std::string, MedicineRequest> requests_; // by id
    std::map<std::string, MedicineCheck> checks_;     // by resident id
    uint64_t version_ = 0;
    mutable uint64_t asked_version_ = UINT64_MAX;
    mutable std::set<std::string> asked_;
};

} // namespace linli
