#pragma once
// Medicine and urgent needs: requests for a resident (drug, dose or prescription note,
// medical card, urgency), who handles them and how far they got, and "asked, needs
// nothing" for the chronically ill and those living alone. Each action is one durable
// transaction through the Writer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"
#include "app/sampling/sampling_service.hpp"
#include "app/supplies/medicine_docs.hpp"
#include "app/supplies/medicine_model.hpp"
#include "app/writer.hpp"

namespace linli {

class MedicineService {
  public:
    MedicineService(Writer& writer, SamplingService& sampling)
        : writer_(writer), sampling_(sampling) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);

    const MedicineModel& Model() {
        model_.Refresh(writer_.Store());
        return model_;
    }

    // Flagged residents (chronic illness, living alone) with no request and no check, by
    // building, unit and room; cached until the roster or the requests change.
    const std::vector<Resident>& ToAsk();

    // Records a request for a roster resident (the address, name and phone are copied
    // from the roster). Text is trimmed; a handler on a new request makes it assigned.
    Outcome Create(MedicineRequest request, int64_t now_ms);
    // Saves an edited request (at its rev: an edit of an older revision is refused).
    Outcome Update(const MedicineRequest& edited, int64_t now_ms);
    Outcome SetStatus(const std::string& request_id, MedicineStatus status, int64_t now_ms);
    // The resident was asked and needs nothing now (asking again updates the record).
    Outcome MarkAsked(const std::string& resident_id, std::string_view note, std::string_view by,
                      int64_t now_ms);
    // Takes back an "asked" tapped by mistake: the resident is on the to-ask list again.
    Outcome UnmarkAsked(const std::string& resident_id);

  private:
    // Validates and fills the resident's details; problems go into out.
    bool Prepare(MedicineRequest& r, Outcome& out);

    Writer& writer_;
    SamplingService& sampling_;
    MedicineModel model_;
    uint64_t to_ask_roster_ = UINT64_MAX;
    uint64_t to_ask_medicine_ = UINT64_MAX;
    std::vector<Resident> to_ask_;
};

} // namespace linli
