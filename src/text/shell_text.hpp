#pragma once
// The strings of the app shell and what every area shares (navigation, saving, forms, errors), in
// simplified Chinese and English.
#include "text/i18n.hpp"

namespace linli {

enum class ShellText : int {
    AppName,
    AreaSampling,
    AreaSupplies,
    AreaVolunteers,
    AreaLeader,
    AreaSettings,
    SearchLabel,
    SearchNoMatch,
    SaveSaving,
    SaveSaved,
    SaveFailedConflict,
    SaveFailedQuota,
    SaveFailedOther,
    FieldName,
    FieldNameHint,
    FieldPhone,
    FieldPhoneHint,
    ActionSave,
    ActionCancel,
    ActionBack,
    ActionDelete,
    ActionConfirmDelete,
    ProblemNameMissing,
    ProblemNameTooLong,
    EditStale,
    ReadOnlyRecord,
    RestoreDone,
    RestoreNotJson,
    RestoreForeign,
    RestoreNewer,
    RestoreBadDoc,
    RestoreReadFailed,
    FileTooLarge,
    RestoreSaving,
    RestoreNotSaved,
    DataNotice,
    CorruptRecords,
    NewerRecords,
    DbOpenFailed,
    UpdateAvailable,
    UpdateNow,
    Dismiss,
    RoundCreate,
    AgeYears,
    MaskedId,
    ResidentCount,
    SampleOffer,
    SampleLoad,
    SampleLoading,
    SampleBanner,
    SampleRemove,
    SampleRemoveConfirm,
    SampleRemoved,
    SampleLoaded,
    SampleNotLoaded,
    SheetNotSheet,
    ExportXlsxFailed,
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(ShellText key, Language lang);

} // namespace linli
