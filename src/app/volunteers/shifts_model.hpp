#pragma once
// Posts, shifts and sign-ups as the screens read them, kept up to date from the store's
// change sequence through one projection (one handler per document type). On a
// volunteer's phone the same model holds what they opened and signed up for.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/volunteers/shift_docs.hpp"
#include "store/projection.hpp"
#include "store/store.hpp"

namespace linli {

class ShiftsModel {
  public:
    ShiftsModel();
    ShiftsModel(const ShiftsModel&) = delete; // the projection's handlers point here
    ShiftsModel& operator=(const ShiftsModel&) = delete;

    void Refresh(const store::DocumentStore& store);
    uint64_t Version() const { return version_; }

    // Staff: posts by creation, shifts by start, sign-ups.
    std::vector<const PostRecord*> Posts() const;
    const PostRecord* FindPost(const std::string& id) const;
    const std::vector<Shift>& Shifts() const; // every shift, earliest first
    const Shift* FindShift(const std::string& id) const;
    std::vector<const Shift*> ShiftsOf(const std::string& post_id) const;
    const SignUpRecord* FindSignUp(const std::string& id) const;
    // Sign-ups of a shift (cancelled ones included), earliest first.
    std::vector<const SignUpRecord*> SignUpsOf(const std::string& shift_id) const;
    // A volunteer's sign-ups, earliest shift first.
    std::vector<const SignUpRecord*> SignUpsOfVolunteer(const std::string& volunteer_id) const;
    int ConfirmedCount(const std::string& shift_id) const;
    int WaitlistCount(const std::string& shift_id) const;
    // The core's view of a shift's sign-ups (for PlaceFor, Promotions).
    std::vector<SignUp> CoreSignUpsOf(const std::string& shift_id) const;
    // Every live sign-up as the core sees it (Gaps, hours).
    const std::vector<SignUp>& AllSignUps() const;

    // The volunteer's phone: the links opened (newest first), their own sign-ups.
    const std::vector<SignUpOffer>& Offers() const { return offers_; }
    std::vector<const MySignUp*> Mine() const; // earliest first
    const MySignUp* FindMine(const std::string& id) const;
    const MyProfile* Profile() const { return has_profile_ ? &profile_ : nullptr; }

  private:
    void Reindex() const;

    store::Projection projection_;
    std::map<std::string, PostRecord> posts_;
    std::map<std::string, Shift> shifts_;
    std::map<std::string, SignUpRecord> signups_;
    std::map<std::string, std::string> offer_codes_; // my_offer id -> code
    std::vector<SignUpOffer> offers_;
    std::map<std::string, MySignUp> mine_;
    MyProfile profile_;
    bool has_profile_ = false;
    uint64_t version_ = 0;

    // Indexes, rebuilt when the version moves.
    mutable uint64_t indexed_version_ = UINT64_MAX;
    mutable std::vector<Shift> shifts_by_start_;
    mutable std::map<std::string, std::vector<const SignUpRecord*>> by_shift_;
    mutable std::map<std::string, std::vector<const SignUpRecord*>> by_volunteer_;
    mutable std::vector<SignUp> all_signups_;
};

} // namespace linli
