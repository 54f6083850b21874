#pragma once
// The one way a screen waits for its write: a form keeps what was typed until the write
// is durable, so a failed write loses nothing. Track the outcome of the action, then
// Poll each frame.
#include <cstdint>

#include "app/outcome.hpp"

namespace linli {

class PendingWrite {
  public:
    void Track(const Outcome& outcome) { txn_ = outcome.ok ? outcome.txn : 0; }
    bool Waiting() const { return txn_ != 0; }
    // Pending while the write is in flight; Durable or Failed once (then it forgets the
    // write); Nothing when no write is tracked.
    template <typename Data> WriteState Poll(const Data& data) {
        if (txn_ == 0) {
            return WriteState::Nothing;
        }
        const WriteState state = data.StateOf(txn_);
        if (state != WriteState::Pending) {
            txn_ = 0;
        }
        return state;
    }
    void Forget() { txn_ = 0; }

  private:
    uint64_t txn_ = 0;
};

} // namespace linli
