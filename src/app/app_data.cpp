#include "app/app_data.hpp"

#include "store/records.hpp"

namespace linli {

using store::Json;

store::SchemaRegistry AppSchemas() {
    store::SchemaRegistry schemas;
    VolunteerService::RegisterTypes(schemas);
    ShiftsService::RegisterTypes(schemas);
    SettingsService::RegisterTypes(schemas);
    RegisterSamplingTypes(schemas);
    SuppliesService::RegisterTypes(schemas);
    SampleData::RegisterTypes(schemas);
    MedicineService::RegisterTypes(schemas);
    SyncService::RegisterTypes(schemas);
    VolunteerExchange::RegisterTypes(schemas);
    return schemas;
}

AppData::AppData(store::Persistence& persistence, std::string device_tag)
    : store_(AppSchemas()), db_(store_, persistence), ids_(std::move(device_tag)),
      writer_(store_, db_, ids_), settings_(writer_), volunteers_(writer_),
      shifts_(writer_, volunteers_), exchange_(writer_, shifts_), sampling_(writer_, settings_),
      supplies_(writer_, sampling_), medicine_(writer_, sampling_),
      sample_(writer_, sampling_, supplies_, medicine_), sync_(writer_, db_, exchange_),
      leader_(writer_, sampling_, supplies_, medicine_, shifts_, settings_, sample_) {
    VolunteerService::AddIndexes(store_);
}

store::LoadReport AppData::Load(std::string_view records_json) {
    store::LoadReport chunk = store_.LoadJsonArray(records_json);
    last_load_.Add(chunk);
    return chunk;
}

size_t AppData::ApplyExternal(std::string_view records_json) {
    size_t changed = 0;
    store::ReadRecords(records_json, [&](const std::string&, Json& json) {
        auto parsed = store::FromJson(std::move(json));
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
    });
    return changed;
}

} // namespace linli
