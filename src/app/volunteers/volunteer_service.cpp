#include "app/volunteers/volunteer_service.hpp"

#include "app/volunteers/shift_docs.hpp"

#include <algorithm>

namespace linli {

using store::Json;

namespace {

Volunteer ToVolunteer(const store::Document& doc) {
    Volunteer v;
    v.id = doc.id;
    v.rev = doc.rev;
    v.name = store::StringField(doc.body, "name");
    v.phone = store::StringField(doc.body, "phone");
    ReadVolunteerExtras(doc.body, v);
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

std::optional<Volunteer> VolunteerService::FindByPhone(std::string_view phone) const {
    const std::string digits = NormalizePhone(phone);
    if (digits.empty()) {
        return std::nullopt;
    }
    for (const store::Document* doc : writer_.Store().OfType("volunteer")) {
        if (NormalizePhone(store::StringField(doc->body, "phone")) == digits) {
            return ToVolunteer(*doc);
        }
    }
    return std::nullopt;
}

namespace {

// The fields this version edits, checked; the skills and category as known keys only.
Volunteer Cleaned(const Volunteer& in) {
    Volunteer v = in;
    v.name = TrimSpaces(v.name);
    v.phone = TrimSpaces(v.phone);
    v.note = TrimSpaces(v.note);
    bool known = false;
    for (const char* c : kVolunteerCategories) {
        known = known || v.category == c;
    }
    if (!known) {
        v.category.clear();
    }
    std::vector<std::string> skills;
    for (const char* k : kVolunteerSkills) {
        if (std::find(v.skills.begin(), v.skills.end(), k) != v.skills.end()) {
            skills.emplace_back(k);
        }
    }
    v.skills = std::move(skills);
    v.last_negative_test = std::max<int64_t>(0, v.last_negative_test);
    return v;
}

} // namespace

Json VolunteerService::NewBody(const Volunteer& in, int64_t now_ms) const {
    const Volunteer v = Cleaned(in);
    Json body{{"type", "volunteer"},
              {"name", v.name},
              {"phone", v.phone},
              {"updated_at", now_ms},
              {"device", writer_.DeviceTag()}};
    WriteVolunteerExtras(v, body);
    return body;
}

Outcome VolunteerService::Add(const Volunteer& v, int64_t now_ms) {
    Outcome out;
    out.problems.AddAll(ValidateVolunteer(v.name, v.phone));
    if (!out.problems.empty()) {
        return out;
    }
    return One(writer_, writer_.Store().Put(writer_.Ids().Make("volunteer", now_ms),
                                            NewBody(v, now_ms), ""));
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
    Volunteer v = Cleaned(edited);
    if (v.code_key == 0) {
        v.code_key = CodeKeyFrom(store::StringField(doc->body, "code_key"));
    }
    body["name"] = v.name;
    body["phone"] = v.phone;
    WriteVolunteerExtras(v, body);
    body["updated_at"] = now_ms;
    body["device"] = writer_.DeviceTag();
    return One(writer_, writer_.Store().Put(edited.id, body, edited.rev));
}

Outcome VolunteerService::ImportSheet(const VolunteerSheet& sheet, int64_t now_ms, int& added,
                                      int& updated) {
    added = 0;
    updated = 0;
    std::vector<store::Result<store::Change>> changes;
    std::vector<std::string> seen_phones;
    for (const Volunteer& row : sheet.volunteers) {
        const std::string digits = NormalizePhone(row.phone);
        if (std::find(seen_phones.begin(), seen_phones.end(), digits) != seen_phones.end()) {
            continue; // the same person twice in one sheet: the first row counts
        }
        seen_phones.push_back(digits);
        if (const auto known = FindByPhone(row.phone)) {
            const store::Document* doc = writer_.Live(known->id);
            Volunteer v = *known;
            v.category = row.category.empty() ? v.category : row.category;
            v.skills = row.skills.empty() ? v.skills : row.skills;
            v.last_negative_test = std::max(v.last_negative_test, row.last_negative_test);
            v.note = row.note.empty() ? v.note : row.note;
            Json body = doc->body;
            const Volunteer cleaned = Cleaned(v);
            WriteVolunteerExtras(cleaned, body);
            if (body == doc->body) {
                continue; // nothing new: importing the same sheet again changes nothing
            }
            body["updated_at"] = now_ms;
            changes.push_back(writer_.Store().Put(known->id, std::move(body), doc->rev));
            ++updated;
        } else {
            changes.push_back(writer_.Store().Put(writer_.Ids().Make("volunteer", now_ms),
                                                  NewBody(row, now_ms), ""));
            ++added;
        }
    }
    if (changes.empty()) {
        Outcome out;
        out.ok = true;
        return out;
    }
    return writer_.Commit(std::move(changes));
}

Outcome VolunteerService::Remove(const std::string& id, const std::string& rev) {
    return One(writer_, writer_.Store().Remove(id, rev));
}

} // namespace linli
