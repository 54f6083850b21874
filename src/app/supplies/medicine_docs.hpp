#pragma once
// Medicine documents: ids and bodies. Types: medicine_request (one drug a resident needs,
// its urgency, handler and status), medicine_check (a resident asked who needs nothing).
// A document's type is its id's prefix (store/document.hpp).
#include <string>
#include <string_view>

#include "core/supplies/medicine.hpp"
#include "store/document.hpp"
#include "store/schema.hpp"

namespace linli {

// Requests get a made id: store::IdGenerator::Make("medicine_request", now), e.g.
// "medicine_request:<created ms base36>-<device>-<n>".
// One check per resident, on every device: asking again (here or on another phone)
// updates one document.
std::string MedicineCheckId(std::string_view resident_id);

void RegisterMedicineTypes(store::SchemaRegistry& schemas);

MedicineRequest MedicineRequestFromDoc(const store::Document& doc);
store::Json MedicineRequestBody(const MedicineRequest& r);
MedicineCheck MedicineCheckFromDoc(const store::Document& doc);
store::Json MedicineCheckBody(const MedicineCheck& c);

const char* UrgencyKey(Urgency u);
const char* MedicineStatusKey(MedicineStatus s);

inline constexpr Urgency kAllUrgencies[] = {Urgency::Now, Urgency::Today, Urgency::ThisWeek};
inline constexpr MedicineStatus kAllMedicineStatuses[] = {
    MedicineStatus::New, MedicineStatus::Assigned, MedicineStatus::Bought,
    MedicineStatus::Delivered, MedicineStatus::CannotGet};

} // namespace linli
