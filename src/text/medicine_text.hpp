#pragma once
// The strings of medicine and urgent needs (a part of supply orders), in simplified
// Chinese and English.
#include "text/i18n.hpp"

namespace linli {

enum class MedicineText : int {
    MedicineTitle,
    MedicineExplain,
    NewRequest,
    EditRequest,
    TabRequests,
    TabToAsk,
    OpenCount,
    NoOpen,
    ToAskTitle,
    ToAskCount,
    ToAskNone,
    Asked,
    RegisterNeed,
    AskedDone,
    Undo,
    UndoDone,
    Saved,
    UrgencyNow,
    UrgencyToday,
    UrgencyWeek,
    StatusNew,
    StatusAssigned,
    StatusBought,
    StatusDelivered,
    StatusCannotGet,
    FieldResident,
    ResidentSearch,
    ResidentSearchHint,
    ResidentFound,
    ResidentMore,
    ChangeResident,
    FieldDrug,
    FieldDrugHint,
    FieldDose,
    FieldDoseHint,
    NeedsCard,
    CardTag,
    FieldUrgency,
    FieldHandler,
    FieldHandlerHint,
    FieldStatus,
    FieldNote,
    FieldNoteHint,
    Unassigned,
    HandlerTag,
    ProblemResidentMissing,
    ProblemUnknownResident,
    ProblemDrugMissing,
    ProblemDrugTooLong,
    NoRoster,
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(MedicineText key, Language lang);

} // namespace linli
