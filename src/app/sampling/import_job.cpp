#include "app/sampling/import_job.hpp"

#include <algorithm>

namespace linli {

RosterImportJob::RosterImportJob(AppData& data, CsvResult csv, std::vector<ImportField> mapping,
                                 int current_year, size_t batch)
    : data_(data), csv_(std::move(csv)), mapping_(std::move(mapping)), current_year_(current_year),
      batch_(std::max<size_t>(batch, 1)) {}

void RosterImportJob::PlanRows() {
    std::vector<ImportRow> rows;
    rows.reserve(csv_.rows.size());
    for (size_t i = 1; i < csv_.rows.size(); ++i) {
        rows.push_back(ConvertRow(csv_.rows[i].cells, mapping_, current_year_, csv_.rows[i].line));
    }
    plan_ = PlanImport(rows, data_.Sampling().Model().Residents());
    for (const PlannedRow& row : plan_.rows) {
        if (row.action == ImportAction::Add || row.action == ImportAction::Update) {
            to_write_.push_back(row.resident);
        }
    }
    planned_ = true;
}

void RosterImportJob::Finish(JobStatus status, int64_t now_ms) {
    status_ = status;
    finished_ms_ = now_ms;
}

JobStatus RosterImportJob::Step(int64_t now_ms) {
    if (status_ != JobStatus::Running) {
        return status_;
    }
    if (!planned_) {
        started_ms_ = now_ms;
        PlanRows();
        return status_;
    }
    // What the persistence layer said of the batches so far: no batch is written after
    // one is known to have failed.
    size_t durable = 0;
    bool pending = false;
    for (size_t i = 0; i < txns_.size(); ++i) {
        switch (data_.StateOf(txns_[i])) {
        case WriteState::Durable:
            durable += std::min(batch_, to_write_.size() - i * batch_);
            break;
        case WriteState::Failed:
            Finish(JobStatus::Failed, now_ms);
            break;
        case WriteState::Pending:
        case WriteState::Nothing:
            pending = true;
            break;
        }
    }
    written_ = durable;
    if (status_ != JobStatus::Running) {
        return status_;
    }
    if (next_ < to_write_.size() && !cancel_) {
        const size_t end = std::min(next_ + batch_, to_write_.size());
        const std::vector<Resident> batch(to_write_.begin() + static_cast<long>(next_),
                                          to_write_.begin() + static_cast<long>(end));
        const Outcome out = data_.Sampling().ImportResidents(batch);
        if (!out.ok) {
            Finish(JobStatus::Failed, now_ms);
            return status_;
        }
        txns_.push_back(out.txn);
        next_ = end;
        return status_;
    }
    if (!pending) {
        Finish(next_ < to_write_.size() ? JobStatus::Cancelled : JobStatus::Done, now_ms);
    }
    return status_;
}

JobProgress RosterImportJob::Progress() const {
    return {written_, planned_ ? to_write_.size() : FileRows()};
}

} // namespace linli
