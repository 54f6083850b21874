#include "app/settings/settings_service.hpp"

namespace linli {

using store::Json;

std::string DeviceDocId(std::string_view device_tag) {
    return "device:" + std::string(device_tag);
}

void SettingsService::RegisterTypes(store::SchemaRegistry& schemas) {
    schemas.Register("device", {}); // version 1
}

std::string SettingsService::DeviceName() const {
    const store::Document* doc = writer_.Live(DeviceDocId(writer_.DeviceTag()));
    return doc != nullptr ? store::StringField(doc->body, "name") : std::string();
}

std::string SettingsService::DeviceLabel() const {
    const std::string name = DeviceName();
    return name.empty() ? writer_.DeviceTag() : name;
}

Outcome SettingsService::SetDeviceName(std::string_view name, int64_t now_ms) {
    const std::string id = DeviceDocId(writer_.DeviceTag());
    const Json body{{"type", "device"}, {"name", TrimSpaces(name)}, {"updated_at", now_ms}};
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(id, body, writer_.RevOf(id)));
    return writer_.Commit(std::move(results));
}

std::vector<DeviceSync> SettingsService::Devices() const {
    std::vector<DeviceSync> out;
    bool mine = false;
    for (const store::Document* doc : writer_.Store().OfType("device")) {
        DeviceSync d;
        d.tag = doc->id.substr(doc->id.find(':') + 1);
        d.name = store::StringField(doc->body, "name");
        if (const auto it = doc->body.find("last_sync_ms");
            it != doc->body.end() && it->is_number() && it->get<double>() > 0) {
            d.last_sync_ms = it->get<int64_t>();
        }
        d.this_device = d.tag == writer_.DeviceTag();
        mine = mine || d.this_device;
        out.push_back(std::move(d));
    }
    if (!mine) {
        DeviceSync d;
        d.tag = writer_.DeviceTag();
        d.this_device = true;
        out.push_back(std::move(d));
    }
    SortDevices(out);
    return out;
}

std::string SettingsService::ExportBackup(int64_t now_ms) const {
    Json docs = Json::array();
    for (const store::Document* doc : writer_.Store().All()) {
        docs.push_back(store::ToJson(*doc));
    }
    const Json file{{"format", "linli-backup"},    {"version", 1},
                    {"exported_at_ms", now_ms},    {"device", writer_.DeviceTag()},
                    {"device_name", DeviceName()}, {"documents", std::move(docs)}};
    return file.dump(1);
}

RestoreReport SettingsService::Restore(std::string_view file_text) {
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
        switch (writer_.Store().Merge(std::move(doc), changes)) {
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
    report.write.ok = true;
    if (!changes.empty()) {
        report.write.txn = writer_.CommitMerged(std::move(changes));
    }
    return report;
}

} // namespace linli
