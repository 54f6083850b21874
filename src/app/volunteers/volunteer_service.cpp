#include "app/volunteers/volunteer_service.hpp"

namespace linli {

using store::Json;

namespace {

Volunteer ToVolunteer(const store::Document& doc) {
    Volunteer v;
    v.id = doc.id;
    v.rev = doc.rev;
    v.name = store::StringField(doc.body, "name");
    v.phone = store::StringField(doc.body, "phone");
    return v;
}

Outcome One(Writer& writer, store::Result<store::Change> result) {
    std::vector<store::Result<store::Change>> results;
    results.push_back(std::move(result));
    return writer.Commit(std::move(results));
}

} // namespace

void VolunteerService::RegisterTypes(store::SchemaRegistry& schemas) {
    schemas.Register("volunteer", {}); // version 1
}

void VolunteerService::AddIndexes(store::DocumentStore& store) {
    store.AddIndex("volunteer", "phone");
}

std::vector<Volunteer> VolunteerService::List(std::string_view query) const {
    std::vector<Volunteer> out;
    for (const store::Document* doc : writer_.Store().OfType("volunteer")) {
        Volunteer v = ToVolunteer(*doc);
        if (VolunteerMatches(v, query)) {
            out.push_back(std::move(v));
        }
    }
    return out;
}

std::optional<Volunteer> VolunteerService::Find(const std::string& id) const {
    const store::Document* doc = writer_.Live(id);
    return doc == nullptr ? std::nullopt : std::optional(ToVolunteer(*doc));
}

Outcome VolunteerService::Add(std::string_view name, std::string_view phone, int64_t now_ms) {
    Outcome out;
    out.problems.AddAll(ValidateVolunteer(name, phone));
    if (!out.problems.empty()) {
        return out;
    }
    const Json body{{"type", "volunteer"},
                    {"name", TrimSpaces(name)},
                    {"phone", TrimSpaces(phone)},
                    {"updated_at", now_ms},
                    {"device", writer_.DeviceTag()}};
    return One(writer_, writer_.Store().Put(writer_.Ids().Make("volunteer", now_ms), body, ""));
}

Outcome VolunteerService::Update(const Volunteer& edited, int64_t now_ms) {
    Outcome out;
    out.problems.AddAll(ValidateVolunteer(edited.name, edited.phone));
    if (!out.problems.empty()) {
        return out;
    }
    const store::Document* doc = writer_.Live(edited.id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Json body = doc->body; // keep fields this version does not edit
    body["name"] = TrimSpaces(edited.name);
    body["phone"] = TrimSpaces(edited.phone);
    body["updated_at"] = now_ms;
    body["device"] = writer_.DeviceTag();
    return One(writer_, writer_.Store().Put(edited.id, body, edited.rev));
}

Outcome VolunteerService::Remove(const std::string& id, const std::string& rev) {
    return One(writer_, writer_.Store().Remove(id, rev));
}

} // namespace linli
