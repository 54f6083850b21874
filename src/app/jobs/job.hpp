#pragma once
// Work that runs across frames (a roster import today; order aggregation, replication and
// big exports next): a job does a slice of work per Step, says how far it is, can be
// cancelled, and keeps its result. The main loop steps the JobRunner once per frame, so
// the UI stays responsive and a progress bar moves.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace linli {

enum class JobStatus { Running, Done, Failed, Cancelled };

struct JobProgress {
    size_t done = 0;
    size_t total = 0; // 0: not known yet
};

class Job {
  public:
    virtual ~Job() = default;
    // One slice of work, small enough for a frame on a slow phone.
    virtual JobStatus Step(int64_t now_ms) = 0;
    virtual JobProgress Progress() const = 0;
    // Stops at the next step; what was already done stays done.
    virtual void Cancel() = 0;
    virtual JobStatus Status() const = 0;
};

class JobRunner {
  public:
    // Started while a frame is drawn (a tap): that frame shows the job at 0%, and its
    // first step, maybe slow, runs at the start of the next frame.
    void Start(std::shared_ptr<Job> job) { jobs_.push_back(std::move(job)); }
    // Once per frame, before the UI is drawn. Finished jobs are dropped (whoever started
    // one keeps its own pointer to read the result).
    void Step(int64_t now_ms);
    bool Busy() const { return !jobs_.empty(); }

  private:
    std::vector<std::shared_ptr<Job>> jobs_;
};

} // namespace linli
