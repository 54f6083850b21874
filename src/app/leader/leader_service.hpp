#pragma once
// The leader's overview (总览) and daily report (日报): one read-only summary of the day
// gathered from the other services' read models (sampling, supplies, medicine, shifts,
// the devices). It writes nothing. The rules are core/leader/daily.hpp's.
#include <cstdint>

#include "app/sample/sample_data.hpp"
#include "app/sampling/sampling_service.hpp"
#include "app/settings/settings_service.hpp"
#include "app/supplies/medicine_service.hpp"
#include "app/supplies/supplies_service.hpp"
#include "app/volunteers/shifts_service.hpp"
#include "app/writer.hpp"
#include "core/leader/daily.hpp"

namespace linli {

class LeaderService {
  public:
    LeaderService(Writer& writer, SamplingService& sampling, SuppliesService& supplies,
                  MedicineService& medicine, ShiftsService& shifts, const SettingsService& settings,
                  const SampleData& sample)
        : writer_(writer), sampling_(sampling), supplies_(supplies), medicine_(medicine),
          shifts_(shifts), settings_(settings), sample_(sample) {}

    // The summary of `day` as of day.now_ms. Cached: made again only when a document
    // changed, the day is another one, or the minute turned (the next 24 hours move).
    const DailySummary& Summary(const LocalDay& day);

  private:
    DailySummary Make(const LocalDay& day);

    Writer& writer_;
    SamplingService& sampling_;
    SuppliesService& supplies_;
    MedicineService& medicine_;
    ShiftsService& shifts_;
    const SettingsService& settings_;
    const SampleData& sample_;

    bool cached_ = false;
    uint64_t cached_sequence_ = 0;
    int64_t cached_day_ = 0;
    int64_t cached_minute_ = 0;
    DailySummary summary_;
};

} // namespace linli
