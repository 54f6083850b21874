#include "app/data.hpp"

namespace linli {

using store::Json;

store::SchemaRegistry AppSchemas() {
    store::SchemaRegistry schemas;
    schemas.Register("volunteer", {}); // version 1
    schemas.Register("device", {});
    schemas.Register("resident", {});
    schemas.Register("building", {});
    schemas.Register("round", {});
    schemas.Register("mark", {});
    schemas.Register("tube", {});
    return schemas;
}

AppData::AppData(store::Persistence& persistence, std::string device_tag)
    : store_(AppSchemas()), db_(store_, persistence), ids_(std::move(device_tag)) {
    store_.AddIndex("volunteer", "phone");
}

store::LoadReport AppData::Load(std::string_view records_json) {
    last_load_ = store_.LoadJsonArray(records_json);
    store_.AddIndex("volunteer", "phone");
    return last_load_;
}

namespace {

Volunteer ToVolunteer(const store::Document& doc) {
    Volunteer v;
    v.id = doc.id;
    v.rev = doc.rev;
    v.name = store::StringField(doc.body, "name");
    v.phone = store::StringField(doc.body, "phone");
    return v;
}

} // namespace

std::vector<Volunteer> AppData::Volunteers(std::string_view query) const {
    std::vector<Volunteer> out;
    for (const store::Document* doc : store_.OfType("volunteer")) {
        Volunteer v = ToVolunteer(*doc);
        if (VolunteerMatches(v, query)) {
            out.push_back(std::move(v));
        }
    }
    return out;
}

std::optional<Volunteer> AppData::FindVolunteer(const std::string& id) const {
    const store::Document* doc = store_.Get(id);
    if (doc == nullptr || doc->deleted) {
        return std::nullopt;
    }
    return ToVolunteer(*doc);
}

EditOutcome AppData::Commit(store::Result<store::Change> result) {
    EditOutcome out;
    if (!result.ok()) {
        out.error = result.error;
        return out;
    }
    out.id = result.value->doc.id;
    std::vector<store::Change> changes;
    changes.push_back(std::move(*result.value));
    db_.Commit(std::move(changes));
    out.ok = true;
    return out;
}

EditOutcome AppData::AddVolunteer(std::string_view name, std::string_view phone, int64_t now_ms) {
    EditOutcome out;
    out.problems = ValidateVolunteer(name, phone);
    if (!out.problems.empty()) {
        return out;
    }
    const Json body{{"type", "volunteer"},
                    {"name", TrimSpaces(name)},
                    {"phone", TrimSpaces(phone)},
                    {"updated_at", now_ms},
                    {"device", ids_.DeviceTag()}};
    return Commit(store_.Put(ids_.Make("volunteer", now_ms), body, ""));
}

EditOutcome AppData::UpdateVolunteer(const Volunteer& edited, int64_t now_ms) {
    EditOutcome out;
    out.problems = ValidateVolunteer(edited.name, edited.phone);
    if (!out.problems.empty()) {
        return out;
    }
    const store::Document* doc = store_.Get(edited.id);
    if (doc == nullptr || doc->deleted) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Json body = doc->body; // keep fields this version does not edit
    body["name"] = TrimSpaces(edited.name);
    body["phone"] = TrimSpaces(edited.phone);
    body["updated_at"] = now_ms;
    body["device"] = ids_.DeviceTag();
    return Commit(store_.Put(edited.id, body, edited.rev));
}

EditOutcome AppData::RemoveVolunteer(const std::string& id, const std::string& rev) {
    return Commit(store_.Remove(id, rev));
}

std::string AppData::DeviceName() const {
    const store::Document* doc = store_.Get("device:" + ids_.DeviceTag());
    return doc && !doc->deleted ? store::StringField(doc->body, "name") : std::string();
}

EditOutcome AppData::SetDeviceName(std::string_view name, int64_t now_ms) {
    const std::string id = "device:" + ids_.DeviceTag();
    const store::Document* doc = store_.Get(id);
    const Json body{{"type", "device"}, {"name", TrimSpaces(name)}, {"updated_at", now_ms}};
    return Commit(store_.Put(id, body, doc && !doc->deleted ? doc->rev : std::string()));
}

std::string AppData::ExportBackup(int64_t now_ms) const {
    Json docs = Json::array();
    for (const store::Document* doc : store_.All()) {
        docs.push_back(store::ToJson(*doc));
    }
    const Json file{{"format", "linli-backup"},    {"version", 1},
                    {"exported_at_ms", now_ms},    {"device", ids_.DeviceTag()},
                    {"device_name", DeviceName()}, {"documents", std::move(docs)}};
    return file.dump(1);
}

RestoreReport AppData::Restore(std::string_view file_text) {
    RestoreReport report;
    const Json file = Json::parse(file_text, nullptr, false);
    if (file.is_discarded()) {
        report.error = BackupError::NotJson;
        return report;
    }
    if (!file.is_object() || store::StringField(file, "format") != "linli-backup" ||
        !file.contains("documents") || !file["documents"].is_array()) {
        report.error = BackupError::NotLinliBackup;
        return report;
    }
    if (!file.contains("version") || !file["version"].is_number_integer() ||
        file["version"].get<int>() > 1) {
        report.error = BackupError::NewerFormat;
        return report;
    }
    // Every document must be sound before anything is merged.
    std::vector<store::Document> docs;
    const Json& list = file["documents"];
    for (size_t i = 0; i < list.size(); ++i) {
        auto parsed = store::FromJson(list[i]);
        std::string reason;
        if (auto* why = std::get_if<std::string>(&parsed)) {
            reason = *why;
        } else if (store::TypeOf(std::get<store::Document>(parsed).id).empty()) {
            reason = "id without a type";
        }
        if (!reason.empty()) {
            report.error = BackupError::BadDocument;
            report.bad_index = i;
            report.bad_reason = reason;
            return report;
        }
        docs.push_back(std::get<store::Document>(std::move(parsed)));
    }
    std::vector<store::Change> changes;
    for (auto& doc : docs) {
        switch (store_.Merge(std::move(doc), changes)) {
        case store::MergeOutcome::Added:
            ++report.added;
            break;
        case store::MergeOutcome::Updated:
            ++report.updated;
            break;
        case store::MergeOutcome::AlreadyHave:
        case store::MergeOutcome::Invalid:
            ++report.unchanged;
            break;
        case store::MergeOutcome::Conflict:
            ++report.conflicts;
            break;
        }
    }
    db_.Commit(std::move(changes));
    return report;
}

size_t AppData::ApplyExternal(std::string_view records_json) {
    const Json records = Json::parse(records_json, nullptr, false);
    if (!records.is_array()) {
        return 0;
    }
    size_t changed = 0;
    for (const auto& pair : records) {
        if (!pair.is_array() || pair.size() != 2) {
            continue;
        }
        auto parsed = store::FromJson(pair[1]);
        if (auto* doc = std::get_if<store::Document>(&parsed)) {
            // The other tab stored it already. (Both tabs cannot store diverging revisions
            // of one document: IndexedDB writes compare the stored _rev first.)
            std::vector<store::Change> changes;
            const auto outcome = store_.Merge(std::move(*doc), changes);
            if (outcome != store::MergeOutcome::AlreadyHave &&
                outcome != store::MergeOutcome::Invalid) {
                ++changed;
            }
        }
    }
    return changed;
}

} // namespace linli
