#include "app/volunteers/shifts_model.hpp"

#include <algorithm>

namespace linli {

ShiftsModel::ShiftsModel() {
    projection_.On("post", [this](const store::Document& doc) {
        if (doc.deleted) {
            posts_.erase(doc.id);
        } else {
            posts_[doc.id] = PostFromDoc(doc);
        }
    });
    projection_.On("shift", [this](const store::Document& doc) {
        if (doc.deleted) {
            shifts_.erase(doc.id);
        } else {
            shifts_[doc.id] = ShiftFromDoc(doc);
        }
    });
    projection_.On("signup", [this](const store::Document& doc) {
        if (doc.deleted) {
            signups_.erase(doc.id);
        } else {
            signups_[doc.id] = SignUpFromDoc(doc);
        }
    });
    // Offers come from opened links (my_offer) and, on a volunteer's synced phone, from the
    // desks that publish theirs (voffer, app/volunteers/volunteer_exchange.hpp).
    const auto on_offer = [this](const store::Document& doc) {
        if (doc.deleted) {
            offer_codes_.erase(doc.id);
        } else {
            offer_codes_[doc.id] = store::StringField(doc.body, "code");
        }
        offers_.clear();
        for (auto it = offer_codes_.rbegin(); it != offer_codes_.rend(); ++it) {
            auto decoded = DecodeOffer(it->second);
            if (auto* offer = std::get_if<SignUpOffer>(&decoded)) {
                offers_.push_back(std::move(*offer));
            }
        }
        std::stable_sort(
            offers_.begin(), offers_.end(),
            [](const SignUpOffer& a, const SignUpOffer& b) { return a.made_at > b.made_at; });
    };
    projection_.On("my_offer", on_offer);
    projection_.On("voffer", on_offer);
    projection_.On("my_signup", [this](const store::Document& doc) {
        if (doc.deleted) {
            mine_.erase(doc.id);
        } else {
            mine_[doc.id] = MySignUpFromDoc(doc);
        }
    });
    projection_.On("my_profile", [this](const store::Document& doc) {
        has_profile_ = !doc.deleted;
        profile_ = doc.deleted ? MyProfile{} : MyProfileFromDoc(doc);
    });
}

void ShiftsModel::Refresh(const store::DocumentStore& store) {
    if (projection_.Refresh(store).Any()) {
        ++version_;
    }
}

void ShiftsModel::Reindex() const {
    if (indexed_version_ == version_) {
        return;
    }
    shifts_by_start_.clear();
    for (const auto& [id, s] : shifts_) {
        shifts_by_start_.push_back(s);
    }
    std::stable_sort(shifts_by_start_.begin(), shifts_by_start_.end(),
                     [](const Shift& a, const Shift& b) { return a.start < b.start; });
    by_shift_.clear();
    by_volunteer_.clear();
    all_signups_.clear();
    for (const auto& [id, r] : signups_) {
        by_shift_[r.signup.shift_id].push_back(&r);
        by_volunteer_[r.signup.volunteer_id].push_back(&r);
        all_signups_.push_back(r.signup);
    }
    for (auto& [shift, list] : by_shift_) {
        std::stable_sort(list.begin(), list.end(),
                         [](const SignUpRecord* a, const SignUpRecord* b) {
                             return a->signup.at < b->signup.at;
                         });
    }
    for (auto& [volunteer, list] : by_volunteer_) {
        std::stable_sort(list.begin(), list.end(),
                         [this](const SignUpRecord* a, const SignUpRecord* b) {
                             const Shift* sa = FindShift(a->signup.shift_id);
                             const Shift* sb = FindShift(b->signup.shift_id);
                             return (sa ? sa->start : 0) < (sb ? sb->start : 0);
                         });
    }
    indexed_version_ = version_;
}

std::vector<const PostRecord*> ShiftsModel::Posts() const {
    std::vector<const PostRecord*> out;
    for (const auto& [id, p] : posts_) {
        out.push_back(&p);
    }
    return out;
}

const PostRecord* ShiftsModel::FindPost(const std::string& id) const {
    const auto it = posts_.find(id);
    return it == posts_.end() ? nullptr : &it->second;
}

const std::vector<Shift>& ShiftsModel::Shifts() const {
    Reindex();
    return shifts_by_start_;
}

const Shift* ShiftsModel::FindShift(const std::string& id) const {
    const auto it = shifts_.find(id);
    return it == shifts_.end() ? nullptr : &it->second;
}

std::vector<const Shift*> ShiftsModel::ShiftsOf(const std::string& post_id) const {
    std::vector<const Shift*> out;
    for (const Shift& s : Shifts()) {
        if (s.post_id == post_id) {
            out.push_back(&s);
        }
    }
    return out;
}

const SignUpRecord* ShiftsModel::FindSignUp(const std::string& id) const {
    const auto it = signups_.find(id);
    return it == signups_.end() ? nullptr : &it->second;
}

std::vector<const SignUpRecord*> ShiftsModel::SignUpsOf(const std::string& shift_id) const {
    Reindex();
    const auto it = by_shift_.find(shift_id);
    return it == by_shift_.end() ? std::vector<const SignUpRecord*>{} : it->second;
}

std::vector<const SignUpRecord*>
ShiftsModel::SignUpsOfVolunteer(const std::string& volunteer_id) const {
    Reindex();
    const auto it = by_volunteer_.find(volunteer_id);
    return it == by_volunteer_.end() ? std::vector<const SignUpRecord*>{} : it->second;
}

int ShiftsModel::ConfirmedCount(const std::string& shift_id) const {
    int n = 0;
    for (const SignUpRecord* r : SignUpsOf(shift_id)) {
        n += r->signup.state == SignUpState::Confirmed ? 1 : 0;
    }
    return n;
}

int ShiftsModel::WaitlistCount(const std::string& shift_id) const {
    int n = 0;
    for (const SignUpRecord* r : SignUpsOf(shift_id)) {
        n += r->signup.state == SignUpState::Waitlist ? 1 : 0;
    }
    return n;
}

std::vector<SignUp> ShiftsModel::CoreSignUpsOf(const std::string& shift_id) const {
    std::vector<SignUp> out;
    for (const SignUpRecord* r : SignUpsOf(shift_id)) {
        out.push_back(r->signup);
    }
    return out;
}

const std::vector<SignUp>& ShiftsModel::AllSignUps() const {
    Reindex();
    return all_signups_;
}

std::vector<const MySignUp*> ShiftsModel::Mine() const {
    std::vector<const MySignUp*> out;
    for (const auto& [id, m] : mine_) {
        out.push_back(&m);
    }
    std::stable_sort(out.begin(), out.end(), [](const MySignUp* a, const MySignUp* b) {
        return a->start_ms < b->start_ms;
    });
    return out;
}

const MySignUp* ShiftsModel::FindMine(const std::string& id) const {
    const auto it = mine_.find(id);
    return it == mine_.end() ? nullptr : &it->second;
}

} // namespace linli
