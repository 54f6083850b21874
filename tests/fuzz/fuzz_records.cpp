// The stored records as the page hands them over at start ([[key, document], ...]:
// store/records ReadRecords) loaded into the whole app (AppData::Load: the store with its
// schema upgrades, then every read model's projection of the documents), and the same text
// merged as another tab's records (ApplyExternal).
#include "app/app_data.hpp"
#include "fuzz_app.hpp"
#include "fuzz_support.hpp"
#include "store/records.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::AsText(data, size);
    size_t pairs = 0;
    const store::RecordsRead read =
        store::ReadRecords(text, [&](const std::string&, store::Json&) { ++pairs; });
    fuzz::NullPersistence persistence;
    AppData app(persistence, "fuzz");
    persistence.data = &app;
    const store::LoadReport report = app.Load(text);
    fuzz::Check(report.loaded <= pairs, "no more documents loaded than pairs read");
    fuzz::Check(read.readable || !report.corrupted.empty(), "unreadable records are reported");
    (void)app.ApplyExternal(text);
    // The read models answer over whatever was loaded.
    (void)app.Volunteers().List("");
    (void)app.Settings().Devices();
    (void)app.Settings().ExportBackup(0);
    return 0;
}
