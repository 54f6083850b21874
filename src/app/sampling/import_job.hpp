#pragma once
// The roster import as a job: the first step converts the rows and plans them against the
// stored residents; each step after writes one batch (one durable transaction); the job
// ends when every batch is durable. A failed batch stops the job: the batches already
// written stay, and importing the same file again finishes the work (the plan then
// finds those residents unchanged).
#include <cstdint>
#include <vector>

#include "app/app_data.hpp"
#include "app/jobs/job.hpp"
#include "core/roster/roster_import.hpp"
#include "io/csv.hpp"

namespace linli {

class RosterImportJob final : public Job {
  public:
    static constexpr size_t kBatch = 1000; // residents per transaction

    // csv.rows[0] is the header; mapping has a field per header column.
    RosterImportJob(AppData& data, CsvResult csv, std::vector<ImportField> mapping,
                    int current_year, size_t batch = kBatch);

    JobStatus Step(int64_t now_ms) override;
    JobProgress Progress() const override;
    void Cancel() override { cancel_ = true; }
    JobStatus Status() const override { return status_; }

    bool Planned() const { return planned_; }
    const ImportPlan& Plan() const { return plan_; }
    // Residents in batches known durable.
    size_t Written() const { return written_; }
    // Rows of the file (before planning, the count shown).
    size_t FileRows() const { return csv_.rows.empty() ? 0 : csv_.rows.size() - 1; }
    int64_t StartedMs() const { return started_ms_; }
    int64_t FinishedMs() const { return finished_ms_; }

  private:
    void PlanRows();
    void Finish(JobStatus status, int64_t now_ms);

    AppData& data_;
    CsvResult csv_;
    std::vector<ImportField> mapping_;
    int current_year_;
    size_t batch_;
    bool planned_ = false;
    bool cancel_ = false;
    ImportPlan plan_;
    std::vector<Resident> to_write_; // adds and updates, in file order
    size_t next_ = 0;                // next index of to_write_ to write
    std::vector<uint64_t> txns_;     // one per batch
    size_t written_ = 0;
    JobStatus status_ = JobStatus::Running;
    int64_t started_ms_ = 0;
    int64_t finished_ms_ = 0;
};

} // namespace linli
