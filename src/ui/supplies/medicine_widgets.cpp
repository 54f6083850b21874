#include "ui/supplies/medicine_widgets.hpp"

#include "ui/kit/widgets.hpp"

namespace linli::ui {

MedicineText UrgencyText(Urgency u) {
    switch (u) {
    case Urgency::Now:
        return MedicineText::UrgencyNow;
    case Urgency::Today:
        return MedicineText::UrgencyToday;
    case Urgency::ThisWeek:
        return MedicineText::UrgencyWeek;
    }
    return MedicineText::UrgencyNow;
}

MedicineText MedicineStatusText(MedicineStatus s) {
    switch (s) {
    case MedicineStatus::New:
        return MedicineText::StatusNew;
    case MedicineStatus::Assigned:
        return MedicineText::StatusAssigned;
    case MedicineStatus::Bought:
        return MedicineText::StatusBought;
    case MedicineStatus::Delivered:
        return MedicineText::StatusDelivered;
    case MedicineStatus::CannotGet:
        return MedicineText::StatusCannotGet;
    }
    return MedicineText::StatusNew;
}

MedicineText MedicineProblemText(MedicineProblem p) {
    switch (p) {
    case MedicineProblem::ResidentMissing:
        return MedicineText::ProblemResidentMissing;
    case MedicineProblem::UnknownResident:
        return MedicineText::ProblemUnknownResident;
    case MedicineProblem::DrugMissing:
        return MedicineText::ProblemDrugMissing;
    case MedicineProblem::DrugTooLong:
        return MedicineText::ProblemDrugTooLong;
    }
    return MedicineText::ProblemDrugMissing;
}

std::string MedicineTitleLine(const UiContext& ui, const MedicineRequest& r) {
    std::string line = std::string(ui.T(UrgencyText(r.urgency))) + " · " + r.drug;
    if (r.needs_medical_card) {
        line += " · " + std::string(ui.T(MedicineText::CardTag));
    }
    return line;
}

std::string MedicineDetailLine(const UiContext& ui, const MedicineRequest& r) {
    std::string line = r.building;
    if (!r.unit.empty()) {
        line += "-" + r.unit;
    }
    line += "-" + r.room + " " + r.name + " · " + ui.T(MedicineStatusText(r.status)) + " · ";
    line += r.handler.empty() ? std::string(ui.T(MedicineText::Unassigned))
                              : Format(ui.T(MedicineText::HandlerTag), r.handler.c_str());
    return line;
}

} // namespace linli::ui
