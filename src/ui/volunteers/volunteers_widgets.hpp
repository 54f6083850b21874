#pragma once
// What the volunteers screens share: times as people read them, the names of skills,
// categories and post kinds, problem messages, and a code shown with copy and QR.
#include <cstdint>
#include <string>
#include <vector>

#include "app/volunteers/shifts_service.hpp"
#include "ui/kit/qr_view.hpp"
#include "ui/kit/ui_context.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

// "12-03 周四" / "12-03 Thu"; "08:00"; local time.
std::string DayLabel(const UiContext& ui, int64_t ms);
std::string ClockLabel(int64_t ms);
// A shift's end: "24:00" for the midnight that ends a day.
std::string EndClockLabel(int64_t end);
// "12-03 周四 08:00-16:00" (an end at midnight reads 24:00).
std::string ShiftTimeLabel(const UiContext& ui, int64_t start, int64_t end);
// Local midnight of the day of ms.
int64_t LocalDayStart(int64_t ms);
// "2026-12-01" -> local midnight ms; 0 when it is not such a date.
int64_t ParseLocalDate(const std::string& text);

const char* SkillName(const UiContext& ui, const std::string& key);
const char* CategoryName(const UiContext& ui, const std::string& key);
const char* PostKindName(const UiContext& ui, const std::string& key);
const char* ShiftProblemText(const UiContext& ui, ShiftProblem p);
// "医护、方言; 2 天内核酸阴性" (empty when nothing is required).
std::string RequirementsText(const UiContext& ui, const std::vector<std::string>& skills,
                             int test_days);

// A code to send: a status line "<label><code>", a copy button, and its QR code.
void DrawCodeToSend(UiContext& ui, const char* id, const std::string& status,
                    const std::string& code, const char* copy_label, QrPicture& qr, bool& copied);

} // namespace linli::ui
