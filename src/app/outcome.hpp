#pragma once
// What an action did: the one result type of every action of every service. It carries
// the write it made (txn), so a screen can wait for that write to be durable
// (app/pending_write.hpp) without touching the database.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/roster/roster.hpp"
#include "core/sampling/sampling.hpp"
#include "core/supplies/catalog.hpp"
#include "core/supplies/medicine.hpp"
#include "core/volunteers/shifts.hpp"
#include "core/volunteers/volunteer.hpp"
#include "store/store.hpp"

namespace linli {

enum class ResidentProblem { NameMissing, NameTooLong, BuildingMissing, RoomMissing, BirthYear };
// An order typed in by hand (the 接龙's own problems are the preview's).
enum class OrderProblem { RoundNotOpen, NoAddress, NoLines, OverLimit, OverCap };
// A round set up by hand.
enum class RoundProblem { TitleMissing, NoOffers, OfferCodeRepeated, OfferPriceMissing };
// Settings → 同步.
enum class SyncProblem { UrlNotHttp, UserWithoutPassword };

// Input to fix, in form order. A feature adds its problem enum to the variant.
using AnyProblem =
    std::variant<VolunteerProblem, ResidentProblem, TubeProblem, CatalogProblem, OrderProblem,
                 RoundProblem, MedicineProblem, ShiftProblem, SyncProblem>;

class Problems {
  public:
    template <typename P> void Add(P p) { list_.emplace_back(p); }
    template <typename P> void AddAll(const std::vector<P>& ps) {
        for (const P p : ps) {
            Add(p);
        }
    }
    bool empty() const { return list_.empty(); }
    size_t size() const { return list_.size(); }
    template <typename P> bool Has(P p) const {
        return std::find(list_.begin(), list_.end(), AnyProblem(p)) != list_.end();
    }
    // The problems of one kind, in order.
    template <typename P> std::vector<P> Of() const {
        std::vector<P> out;
        for (const AnyProblem& p : list_) {
            if (const P* x = std::get_if<P>(&p)) {
                out.push_back(*x);
            }
        }
        return out;
    }
    template <typename P> bool operator==(const std::vector<P>& ps) const { return Of<P>() == ps; }

  private:
    std::vector<AnyProblem> list_;
};

// Something an action did besides the write the user asked for, and to what.
enum class Effect {
    TubeClosed,
    // Volunteer shifts: what a code or an action did to a sign-up.
    SignedUp,
    Waitlisted,
    SignUpCancelled,
    SignUpRefused, // a confirmation told the volunteer no
    CheckedIn,
    CheckedOut,
    Promoted,  // someone on the waitlist got the place
    Unchanged, // the same code again: nothing to do
};
struct EffectOn {
    Effect effect;
    std::string subject; // TubeClosed: the tube number; shifts: the shift id (Promoted: the
                         // promoted sign-up)
    bool operator==(const EffectOn&) const = default;
};

struct Outcome {
    bool ok = false;
    Problems problems;                     // input to fix (nothing written)
    std::optional<store::EditError> error; // the store refused (stale, read-only, ...)
    std::string id;                        // the document made or changed first
    uint64_t txn = 0;                      // the write to wait for (0: nothing written)
    std::vector<EffectOn> effects;

    bool Did(Effect e) const { return SubjectOf(e) != nullptr; }
    // What the effect was on (nullptr: it did not happen).
    const std::string* SubjectOf(Effect e) const {
        for (const EffectOn& on : effects) {
            if (on.effect == e) {
                return &on.subject;
            }
        }
        return nullptr;
    }
    // The first problem of a kind, if any.
    template <typename P> std::optional<P> First() const {
        const auto all = problems.Of<P>();
        return all.empty() ? std::nullopt : std::optional<P>(all.front());
    }
};

// Whether a write is durable yet, as screens ask it.
enum class WriteState { Nothing, Pending, Durable, Failed };

} // namespace linli
