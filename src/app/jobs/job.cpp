#include "app/jobs/job.hpp"

#include <algorithm>

namespace linli {

void JobRunner::Step(int64_t now_ms) {
    // Jobs started by a step of another job wait for the next frame.
    const size_t count = jobs_.size();
    for (size_t i = 0; i < count; ++i) {
        if (jobs_[i]->Status() == JobStatus::Running) {
            jobs_[i]->Step(now_ms);
        }
    }
    std::erase_if(jobs_, [](const auto& job) { return job->Status() != JobStatus::Running; });
}

} // namespace linli
