// Medicine documents <-> the core's structs. Unknown keys from a newer app read as the
// first value (an unknown urgency as "now", the safe side) and never throw.
#include "app/supplies/medicine_docs.hpp"

namespace linli {

using store::BoolField;
using store::EnumFromKey;
using store::IntField;
using store::Json;
using store::StringField;

std::string MedicineCheckId(std::string_view resident_id) {
    return "medicine_check:" + std::string(resident_id);
}

void RegisterMedicineTypes(store::SchemaRegistry& schemas) {
    schemas.Register("medicine_request", {}); // version 1
    schemas.Register("medicine_check", {});   // version 1
}

const char* UrgencyKey(Urgency u) {
    switch (u) {
    case Urgency::Now:
        return "now";
    case Urgency::Today:
        return "today";
    case Urgency::ThisWeek:
        return "this_week";
    }
    return "now";
}

const char* MedicineStatusKey(MedicineStatus s) {
    switch (s) {
    case MedicineStatus::New:
        return "new";
    case MedicineStatus::Assigned:
        return "assigned";
    case MedicineStatus::Bought:
        return "bought";
    case MedicineStatus::Delivered:
        return "delivered";
    case MedicineStatus::CannotGet:
        return "cannot_get";
    }
    return "new";
}

MedicineRequest MedicineRequestFromDoc(const store::Document& doc) {
    MedicineRequest r;
    r.id = doc.id;
    r.rev = doc.rev;
    const Json& b = doc.body;
    r.resident_id = StringField(b, "resident");
    r.building = StringField(b, "building");
    r.unit = StringField(b, "unit");
    r.room = StringField(b, "room");
    r.name = StringField(b, "name");
    r.phone = StringField(b, "phone");
    r.drug = StringField(b, "drug");
    r.dose_note = StringField(b, "dose_note");
    r.needs_medical_card = BoolField(b, "needs_medical_card");
    r.urgency = EnumFromKey(StringField(b, "urgency"), kAllUrgencies, UrgencyKey);
    r.handler = StringField(b, "handler");
    r.status = EnumFromKey(StringField(b, "status"), kAllMedicineStatuses, MedicineStatusKey);
    r.note = StringField(b, "note");
    r.created_at = IntField(b, "created_at");
    r.updated_at = IntField(b, "updated_at");
    return r;
}

Json MedicineRequestBody(const MedicineRequest& r) {
    return Json{{"type", "medicine_request"},
                {"resident", r.resident_id},
                {"building", r.building},
                {"unit", r.unit},
                {"room", r.room},
                {"name", r.name},
                {"phone", r.phone},
                {"drug", r.drug},
                {"dose_note", r.dose_note},
                {"needs_medical_card", r.needs_medical_card},
                {"urgency", UrgencyKey(r.urgency)},
                {"handler", r.handler},
                {"status", MedicineStatusKey(r.status)},
                {"note", r.note},
                {"created_at", r.created_at},
                {"updated_at", r.updated_at}};
}

MedicineCheck MedicineCheckFromDoc(const store::Document& doc) {
    MedicineCheck c;
    c.id = doc.id;
    c.rev = doc.rev;
    const Json& b = doc.body;
    c.resident_id = StringField(b, "resident");
    c.at = IntField(b, "at");
    c.by = StringField(b, "by");
    c.note = StringField(b, "note");
    return c;
}

Json MedicineCheckBody(const MedicineCheck& c) {
    return Json{{"type", "medicine_check"},
                {"resident", c.resident_id},
                {"at", c.at},
                {"by", c.by},
                {"note", c.note}};
}

} // namespace linli
