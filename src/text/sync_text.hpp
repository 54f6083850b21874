#pragma once
// The strings of sync (Settings → 同步) and of conflicts, in simplified Chinese and English.
#include "text/i18n.hpp"

namespace linli {

enum class SyncText : int {
    SyncTitle,
    SyncExplain,
    ServerLabel,
    ServerHint,
    UserLabel,
    UserHint,
    PasswordLabel,
    PasswordHint,
    PasswordKept,
    PasswordNeeded,
    SyncNow,
    TurnOff,
    StatusOff,
    StatusRunning,
    StatusDone,
    StatusDonePending,
    StatusFailed,
    StatusRetry,
    StatusCounts,
    NeverSynced,
    ProblemUrl,
    ProblemPassword,
    WhyBadUrl,
    WhyUnreachable,
    WhyWrongPassword,
    WhyNoPermission,
    WhyNotCouch,
    WhyNoDatabase,
    WhyBadReply,
    WhyServerError,
    WhyLocalWrite,
    WhyTooLarge,
    WhyNotAllowed,
    ConflictsTitle,
    ConflictsExplain,
    ConflictBanner,
    ConflictShown,
    ConflictOther,
    ConflictFromDevice,
    ConflictKeepShown,
    ConflictKeepOther,
    ConflictChosen,
    ConflictNotSaved,
    ConflictDeleted,
    ConflictField,
    ConflictHere,
    VolunteersDbDone,
    VolunteersDbRunning,
    VolunteersDbFailed,
    VolunteerRoleNote,
    SentBySync,
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(SyncText key, Language lang);

} // namespace linli
