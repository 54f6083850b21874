#pragma once
// A sample community (示例数据) for trying the app before importing anything: a
// generated roster of a few buildings (one sealed), a testing round half done, a catalog
// and an open group buy with orders, some delivered, and two medicine requests. It is written
// through the features' own actions, so it is exactly what real use makes; a manifest document
// lists every document it made, so that removing it deletes those and touches nothing else.
#include <cstdint>
#include <string>
#include <vector>

#include "app/outcome.hpp"
#include "app/sampling/sampling_service.hpp"
#include "app/supplies/medicine_service.hpp"
#include "app/supplies/supplies_service.hpp"
#include "app/writer.hpp"

namespace linli {

inline constexpr const char* kSampleManifestId = "sample:manifest";

struct SampleSummary {
    size_t residents = 0, households = 0, buildings = 0, orders = 0, items = 0;
};

class SampleData {
  public:
    SampleData(Writer& writer, SamplingService& sampling, SuppliesService& supplies,
               MedicineService& medicine)
        : writer_(writer), sampling_(sampling), supplies_(supplies), medicine_(medicine) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);

    // Whether the sample community is loaded (its manifest exists).
    bool Present() const;
    // Loads it (refused when the roster is not empty). The outcome's txn is the last write
    // (the manifest): once it is durable, all of it is.
    Outcome Load(int64_t now_ms, SampleSummary* summary = nullptr);
    // Deletes every document the sample made that still exists, the medicine requests and
    // checks recorded since for its residents, and the manifest, in one transaction.
    // Anything else (a real resident added meanwhile) stays.
    Outcome Remove();

  private:
    Writer& writer_;
    SamplingService& sampling_;
    SuppliesService& supplies_;
    MedicineService& medicine_;
};

} // namespace linli
