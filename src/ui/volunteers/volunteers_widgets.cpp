#include "ui/volunteers/volunteers_widgets.hpp"

#include <cstdio>
#include <ctime>
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace linli::ui {

namespace {

std::tm Local(int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    return local;
}

} // namespace

std::string DayLabel(const UiContext& ui, int64_t ms) {
    static constexpr const char* kZh[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
    static constexpr const char* kEn[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    const std::tm t = Local(ms);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d-%02d %s", t.tm_mon + 1, t.tm_mday,
                  (ui.lang == Language::Chinese ? kZh : kEn)[t.tm_wday % 7]);
    return buf;
}

std::string ClockLabel(int64_t ms) {
    const std::tm t = Local(ms);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.tm_hour, t.tm_min);
    return buf;
}

std::string EndClockLabel(int64_t end) {
    const std::string until = ClockLabel(end);
    return until == "00:00" ? "24:00" : until;
}

std::string ShiftTimeLabel(const UiContext& ui, int64_t start, int64_t end) {
    return DayLabel(ui, start) + " " + ClockLabel(start) + "-" + EndClockLabel(end);
}

int64_t LocalDayStart(int64_t ms) {
    std::tm t = Local(ms);
    t.tm_hour = 0;
    t.tm_min = 0;
    t.tm_sec = 0;
    t.tm_isdst = -1;
    return static_cast<int64_t>(std::mktime(&t)) * 1000;
}

int64_t ParseLocalDate(const std::string& text) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%d%c", &y, &m, &d, &tail) != 3 &&
        std::sscanf(text.c_str(), "%d/%d/%d%c", &y, &m, &d, &tail) != 3 &&
        std::sscanf(text.c_str(), "%d.%d.%d%c", &y, &m, &d, &tail) != 3) {
        return 0;
    }
    if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) {
        return 0;
    }
    std::tm t{};
    t.tm_year = y - 1900;
    t.tm_mon = m - 1;
    t.tm_mday = d;
    t.tm_isdst = -1;
    const std::time_t made = std::mktime(&t);
    if (t.tm_mday != d) {
        return 0; // 2026-02-30 rolled over
    }
    return static_cast<int64_t>(made) * 1000;
}

const char* SkillName(const UiContext& ui, const std::string& key) {
    if (key == "driver") {
        return ui.T(VolunteerText::SkillDriver);
    }
    if (key == "medical") {
        return ui.T(VolunteerText::SkillMedical);
    }
    if (key == "elder_care") {
        return ui.T(VolunteerText::SkillElderCare);
    }
    if (key == "dialect") {
        return ui.T(VolunteerText::SkillDialect);
    }
    return key.c_str();
}

const char* CategoryName(const UiContext& ui, const std::string& key) {
    if (key == "party_member") {
        return ui.T(VolunteerText::CategoryPartyMember);
    }
    if (key == "ex_soldier") {
        return ui.T(VolunteerText::CategoryExSoldier);
    }
    if (key == "student") {
        return ui.T(VolunteerText::CategoryStudent);
    }
    if (key == "resident") {
        return ui.T(VolunteerText::CategoryResident);
    }
    if (key == "staff") {
        return ui.T(VolunteerText::CategoryStaff);
    }
    return "";
}

const char* PostKindName(const UiContext& ui, const std::string& key) {
    if (key == "sampling") {
        return ui.T(VolunteerText::KindSampling);
    }
    if (key == "delivery") {
        return ui.T(VolunteerText::KindDelivery);
    }
    if (key == "disinfection") {
        return ui.T(VolunteerText::KindDisinfection);
    }
    if (key == "hotline") {
        return ui.T(VolunteerText::KindHotline);
    }
    if (key == "other") {
        return ui.T(VolunteerText::KindOther);
    }
    return ui.T(VolunteerText::KindCheckpoint);
}

const char* ShiftProblemText(const UiContext& ui, ShiftProblem p) {
    switch (p) {
    case ShiftProblem::PostNameMissing:
        return ui.T(VolunteerText::ProblemPostName);
    case ShiftProblem::PeopleInvalid:
        return ui.T(VolunteerText::ProblemPeople);
    case ShiftProblem::DaysInvalid:
        return ui.T(VolunteerText::ProblemDays);
    case ShiftProblem::ChangeHoursInvalid:
        return ui.T(VolunteerText::ProblemChangeHours);
    case ShiftProblem::CodeEmpty:
        return ui.T(VolunteerText::ProblemCodeEmpty);
    case ShiftProblem::CodeNotOurs:
        return ui.T(VolunteerText::ProblemCodeNotOurs);
    case ShiftProblem::CodeWrongKind:
        return ui.T(VolunteerText::ProblemCodeWrongKind);
    case ShiftProblem::CodeMistyped:
        return ui.T(VolunteerText::ProblemCodeMistyped);
    case ShiftProblem::CodeDamaged:
        return ui.T(VolunteerText::ProblemCodeDamaged);
    case ShiftProblem::UnknownShift:
        return ui.T(VolunteerText::ProblemUnknownShift);
    case ShiftProblem::ShiftOver:
        return ui.T(VolunteerText::ProblemShiftOver);
    case ShiftProblem::DoubleBooked:
        return ui.T(VolunteerText::ProblemDoubleBooked);
    case ShiftProblem::TooLittleRest:
        return ui.T(VolunteerText::ProblemTooLittleRest);
    case ShiftProblem::MissingSkill:
        return ui.T(VolunteerText::ProblemMissingSkill);
    case ShiftProblem::TestTooOld:
        return ui.T(VolunteerText::ProblemTestTooOld);
    case ShiftProblem::NotSignedUp:
        return ui.T(VolunteerText::ProblemNotSignedUp);
    case ShiftProblem::ShiftFull:
        return ui.T(VolunteerText::ProblemShiftFull);
    case ShiftProblem::CheckInCodeWrong:
        return ui.T(VolunteerText::ProblemCheckInCodeWrong);
    case ShiftProblem::NotForThisPhone:
        return ui.T(VolunteerText::ProblemNotForThisPhone);
    case ShiftProblem::NoShiftNow:
        return ui.T(VolunteerText::ProblemNoShiftNow);
    }
    return "";
}

std::string RequirementsText(const UiContext& ui, const std::vector<std::string>& skills,
                             int test_days) {
    std::string out;
    for (const std::string& s : skills) {
        out += out.empty() ? "" : (ui.lang == Language::Chinese ? "、" : ", ");
        out += SkillName(ui, s);
    }
    if (test_days > 0) {
        out += out.empty() ? "" : (ui.lang == Language::Chinese ? "；" : "; ");
        out += Format(ui.T(VolunteerText::VmTestNeed), test_days);
    }
    return out;
}

void DrawCodeToSend(UiContext& ui, const char* id, const std::string& status,
                    const std::string& code, const char* copy_label, QrPicture& qr, bool& copied) {
    ImGui::PushID(id);
    StatusText(ui, "code-status", status.c_str(), colors::kPrimary);
    if (PrimaryButton(ui, copied ? ui.T(VolunteerText::Copied) : copy_label, "copy", -FLT_MIN)) {
        ui.platform.CopyText(code);
        copied = true;
    }
    DrawQr(ui, "qr", qr, code, 300.0f, Format(ui.T(VolunteerText::QrName), code.c_str()));
    ImGui::PopID();
}

} // namespace linli::ui
