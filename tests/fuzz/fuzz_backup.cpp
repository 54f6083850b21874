// Restoring a backup file (app/settings SettingsService::Restore): a file that is not a
// whole, valid backup changes nothing; one that is merges, and exporting and restoring the
// result again adds nothing new.
#include "app/app_data.hpp"
#include "fuzz_app.hpp"
#include "fuzz_support.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::NullPersistence persistence;
    AppData app(persistence, "fuzz");
    persistence.data = &app;
    const size_t before = app.DocumentCount();
    const RestoreReport report = app.Settings().Restore(fuzz::AsText(data, size));
    if (report.error != BackupError::None) {
        fuzz::Check(app.DocumentCount() == before, "a refused backup changes nothing");
        return 0;
    }
    fuzz::Check(app.DocumentCount() >= before, "a restore removes nothing");
    const std::string exported = app.Settings().ExportBackup(0);
    const RestoreReport again = app.Settings().Restore(exported);
    fuzz::Check(again.error == BackupError::None, "an exported backup restores");
    fuzz::Check(again.added == 0 && again.updated == 0, "restoring the same again adds nothing");
    return 0;
}
