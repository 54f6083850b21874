#pragma once
// Pieces the medicine screens share: names of urgencies, statuses and problems, and a
// request's two lines as a list shows them.
#include <string>

#include "core/supplies/medicine.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

MedicineText UrgencyText(Urgency u);
MedicineText MedicineStatusText(MedicineStatus s);
MedicineText MedicineProblemText(MedicineProblem p);
// "立即 · 胰岛素 · 需医保卡".
std::string MedicineTitleLine(const UiContext& ui, const MedicineRequest& r);
// "2-1-1502 曹红涵 · 已分派 · 经办：王淼".
std::string MedicineDetailLine(const UiContext& ui, const MedicineRequest& r);

} // namespace linli::ui
