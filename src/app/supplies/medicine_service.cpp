// Medicine requests and checks. Sections: helpers · the to-ask list · request actions ·
// checks.
#include "app/supplies/medicine_service.hpp"

namespace linli {

namespace {

Outcome One(Writer& writer, store::Result<store::Change> result) {
    std::vector<store::Result<store::Change>> results;
    results.push_back(std::move(result));
    return writer.Commit(std::move(results));
}

} // namespace

void MedicineService::RegisterTypes(store::SchemaRegistry& schemas) {
    RegisterMedicineTypes(schemas);
}

// ------------------------------------------------------------------------- the to-ask list

const std::vector<Resident>& MedicineService::ToAsk() {
    const SamplingModel& roster = sampling_.Model();
    const MedicineModel& medicine = Model();
    if (to_ask_roster_ != roster.RosterVersion() || to_ask_medicine_ != medicine.Version()) {
        to_ask_ = ResidentsToAsk(roster.Residents(), medicine.Asked());
        to_ask_roster_ = roster.RosterVersion();
        to_ask_medicine_ = medicine.Version();
    }
    return to_ask_;
}

// -------------------------------------------------------------------------- request actions

bool MedicineService::Prepare(MedicineRequest& r, Outcome& out) {
    r.resident_id = TrimSpaces(r.resident_id);
    r.drug = TrimSpaces(r.drug);
    r.dose_note = TrimSpaces(r.dose_note);
    r.handler = TrimSpaces(r.handler);
    r.note = TrimSpaces(r.note);
    const Resident* resident =
        r.resident_id.empty() ? nullptr : sampling_.Model().FindResident(r.resident_id);
    if (!r.resident_id.empty() && resident == nullptr) {
        out.problems.Add(MedicineProblem::UnknownResident); // first: form order
    }
    out.problems.AddAll(ValidateMedicineRequest(r));
    if (!out.problems.empty()) {
        return false;
    }
    r.building = resident->building;
    r.unit = resident->unit;
    r.room = resident->room;
    r.name = resident->name;
    r.phone = resident->phone;
    if (r.status == MedicineStatus::New && !r.handler.empty()) {
        r.status = MedicineStatus::Assigned;
    }
    return true;
}

Outcome MedicineService::Create(MedicineRequest request, int64_t now_ms) {
    Outcome out;
    if (!Prepare(request, out)) {
        return out;
    }
    request.created_at = now_ms;
    request.updated_at = now_ms;
    const std::string id = writer_.Ids().Make("medicine_request", now_ms);
    return One(writer_, writer_.Store().Put(id, MedicineRequestBody(request), ""));
}

Outcome MedicineService::Update(const MedicineRequest& edited, int64_t now_ms) {
    Outcome out;
    MedicineRequest r = edited;
    if (!Prepare(r, out)) {
        return out;
    }
    const store::Document* doc = writer_.Live(edited.id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    r.created_at = MedicineRequestFromDoc(*doc).created_at;
    r.updated_at = now_ms;
    store::Json body = doc->body;
    store::OverlayFields(body, MedicineRequestBody(r));
    return One(writer_, writer_.Store().Put(edited.id, std::move(body), edited.rev));
}

Outcome MedicineService::SetStatus(const std::string& request_id, MedicineStatus status,
                                   int64_t now_ms) {
    Outcome out;
    const store::Document* doc = writer_.Live(request_id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    store::Json body = doc->body;
    body["status"] = MedicineStatusKey(status);
    body["updated_at"] = now_ms;
    return One(writer_, writer_.Store().Put(request_id, std::move(body), doc->rev));
}

// ------------------------------------------------------------------------------- checks

Outcome MedicineService::MarkAsked(const std::string& resident_id, std::string_view note,
                                   std::string_view by, int64_t now_ms) {
    Outcome out;
    if (TrimSpaces(resident_id).empty()) {
        out.problems.Add(MedicineProblem::ResidentMissing);
        return out;
    }
    if (sampling_.Model().FindResident(resident_id) == nullptr) {
        out.problems.Add(MedicineProblem::UnknownResident);
        return out;
    }
    MedicineCheck check;
    check.resident_id = resident_id;
    check.at = now_ms;
    check.by = std::string(by);
    check.note = TrimSpaces(note);
    const std::string id = MedicineCheckId(resident_id);
    store::Json body = MedicineCheckBody(check);
    if (const store::Document* doc = writer_.Live(id); doc != nullptr) {
        store::Json stored = doc->body;
        store::OverlayFields(stored, body);
        body = std::move(stored);
    }
    return One(writer_, writer_.Store().Put(id, std::move(body), writer_.RevOf(id)));
}

Outcome MedicineService::UnmarkAsked(const std::string& resident_id) {
    Outcome out;
    const std::string id = MedicineCheckId(resident_id);
    const store::Document* doc = writer_.Live(id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    return One(writer_, writer_.Store().Remove(id, doc->rev));
}

} // namespace linli
