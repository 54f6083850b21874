// Sections: which documents go where; the desk (import, publish); the volunteer's phone.
#include "app/volunteers/volunteer_exchange.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>

#include "app/volunteers/shift_docs.hpp"
#include "io/volunteer_codes.hpp"

namespace linli {

using store::Json;

namespace {

constexpr const char* kOffer = "voffer:";
constexpr const char* kConfirm = "vconfirm:";
constexpr const char* kSignUp = "vsignup:";
constexpr int64_t kDay = 24LL * 60 * 60 * 1000;
// A pass runs when the documents changed (at most this often), or this long after the last
// one, because time alone ends shifts and changes what an offer holds.
constexpr int64_t kMinGapMs = 1000;
constexpr int64_t kMaxGapMs = 60 * 1000;

std::string KeyText(uint64_t key) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, key);
    return buf;
}

std::string CodeOf(const store::Document& doc) {
    return store::StringField(doc.body, "code");
}

// What a confirmation tells, in a fixed order, without its time.
std::vector<ToldSignUp> Sorted(std::vector<ToldSignUp> told) {
    std::sort(told.begin(), told.end(), [](const ToldSignUp& a, const ToldSignUp& b) {
        return std::tie(a.post_key, a.shift_start_ms) < std::tie(b.post_key, b.shift_start_ms);
    });
    return told;
}

} // namespace

// ---------------------------------------------------------------- which documents go where

void VolunteerExchange::RegisterTypes(store::SchemaRegistry& schemas) {
    for (const char* type : {"voffer", "vconfirm", "vsignup"}) {
        schemas.Register(type, {}); // version 1
    }
}

bool VolunteerExchange::IsExchangeId(std::string_view id) {
    return id.starts_with(kOffer) || id.starts_with(kConfirm) || id.starts_with(kSignUp);
}

bool VolunteerExchange::StaffPulls(std::string_view id) {
    return id.starts_with(kSignUp);
}

bool VolunteerExchange::StaffPushes(std::string_view id) {
    return id.starts_with(kOffer) || id.starts_with(kConfirm);
}

bool VolunteerExchange::PhonePulls(std::string_view id) {
    return id.starts_with(kOffer) || id.starts_with(kConfirm);
}

std::function<bool(std::string_view)> VolunteerExchange::PhonePushes(std::string user) {
    std::string prefix = std::string(kSignUp) + user + ":";
    return [prefix = std::move(prefix)](std::string_view id) { return id.starts_with(prefix); };
}

bool VolunteerExchange::Due(int64_t now_ms) {
    const uint64_t sequence = writer_.Store().Sequence();
    const int64_t gap = now_ms - last_pass_ms_;
    if (last_pass_ms_ != 0 && gap < kMaxGapMs && (sequence == seen_sequence_ || gap < kMinGapMs)) {
        return false;
    }
    last_pass_ms_ = now_ms;
    seen_sequence_ = sequence;
    return true;
}

int64_t VolunteerExchange::NextPassMs() const {
    const bool changed = writer_.Store().Sequence() != seen_sequence_;
    return last_pass_ms_ + (changed ? kMinGapMs : kMaxGapMs);
}

bool VolunteerExchange::PutCode(const std::string& id, Json body) {
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(writer_.Store().Put(id, std::move(body), writer_.RevOf(id)));
    return writer_.Commit(std::move(changes)).ok;
}

// ---------------------------------------------------------------- the desk

bool VolunteerExchange::StepStaff(int64_t now_ms) {
    if (!Due(now_ms)) {
        return false;
    }
    bool wrote = false;
    // Sign-up codes first, so the confirmations below already tell their outcome.
    std::vector<std::string> codes;
    for (const store::Document* doc : writer_.Store().OfType("vsignup")) {
        if (doc->deleted) {
            continue;
        }
        const std::string code = CodeOf(*doc);
        if (imported_.insert(doc->id + "@" + doc->rev).second) {
            const Outcome result = shifts_.ImportReply(code, now_ms);
            wrote |= result.ok && result.txn != 0;
        }
        codes.push_back(code);
    }
    std::map<uint64_t, ConfirmationCode> told; // by volunteer key
    for (const std::string& code : codes) {
        auto reply = DecodeReply(code);
        const ReplyCode* r = std::get_if<ReplyCode>(&reply);
        if (r == nullptr || r->shift_start_ms < now_ms - 2 * kDay) {
            continue; // long over: nothing left to tell
        }
        auto decoded = DecodeConfirmation(shifts_.ConfirmationForReply(code, now_ms));
        const ConfirmationCode* c = std::get_if<ConfirmationCode>(&decoded);
        if (c == nullptr) {
            continue;
        }
        ConfirmationCode& all = told[c->volunteer_key];
        all.volunteer_key = c->volunteer_key;
        all.at_ms = c->at_ms;
        for (const ToldSignUp& t : c->signups) {
            const bool known =
                std::any_of(all.signups.begin(), all.signups.end(), [&](const ToldSignUp& u) {
                    return u.post_key == t.post_key && u.shift_start_ms == t.shift_start_ms;
                });
            if (!known) {
                all.signups.push_back(t);
            }
        }
    }
    const std::string desk = writer_.DeviceTag();
    for (const auto& [key, confirmation] : told) {
        const std::string id = kConfirm + KeyText(key) + "@" + desk;
        if (const store::Document* doc = writer_.Live(id)) {
            auto before = DecodeConfirmation(CodeOf(*doc));
            const auto* old = std::get_if<ConfirmationCode>(&before);
            if (old != nullptr && Sorted(old->signups) == Sorted(confirmation.signups)) {
                continue;
            }
        }
        wrote |=
            PutCode(id, Json{{"type", "vconfirm"}, {"code", EncodeConfirmation(confirmation)}});
    }
    // This desk's open shifts, when they changed (free places included).
    const SignUpOffer offer = shifts_.MakeOffer({}, kOfferDays, now_ms);
    const std::string offer_id = kOffer + desk;
    const store::Document* published = writer_.Live(offer_id);
    bool same = offer.shifts.empty() && published == nullptr;
    if (published != nullptr) {
        auto before = DecodeOffer(CodeOf(*published));
        const auto* old = std::get_if<SignUpOffer>(&before);
        same = old != nullptr && old->posts == offer.posts && old->shifts == offer.shifts;
    }
    if (!same) {
        wrote |= PutCode(offer_id, Json{{"type", "voffer"}, {"code", EncodeOffer(offer)}});
    }
    return wrote;
}

// ---------------------------------------------------------------- the volunteer's phone

bool VolunteerExchange::StepPhone(std::string_view user, int64_t now_ms) {
    if (user.empty() || !Due(now_ms)) {
        return false;
    }
    bool wrote = false;
    // The newest confirmation for this phone, from whichever desk.
    if (const MyProfile* profile = shifts_.Model().Profile()) {
        const store::Document* newest = nullptr;
        int64_t newest_at = 0;
        for (const store::Document* doc : writer_.Store().OfType("vconfirm")) {
            if (doc->deleted) {
                continue;
            }
            auto decoded = DecodeConfirmation(CodeOf(*doc));
            const auto* c = std::get_if<ConfirmationCode>(&decoded);
            if (c != nullptr && c->volunteer_key == profile->key && c->at_ms >= newest_at) {
                newest = doc;
                newest_at = c->at_ms;
            }
        }
        if (newest != nullptr && imported_.insert(newest->id + "@" + newest->rev).second) {
            const Outcome result = shifts_.ApplyConfirmation(CodeOf(*newest), now_ms);
            wrote |= result.ok && result.txn != 0;
        }
    }
    // Each sign-up's latest reply code, as the volunteer would send it over WeChat.
    const std::string prefix = std::string(kSignUp) + std::string(user) + ":";
    for (const MySignUp* mine : shifts_.Model().Mine()) {
        if (mine->reply.empty()) {
            continue;
        }
        // my_signup:<post key>@<start ms> -> vsignup:<user>:<post key>@<start ms>
        const std::string id = prefix + mine->id.substr(mine->id.find(':') + 1);
        const store::Document* sent = writer_.Live(id);
        if (sent != nullptr && CodeOf(*sent) == mine->reply) {
            continue;
        }
        wrote |= PutCode(
            id, Json{{"type", "vsignup"}, {"by", std::string(user)}, {"code", mine->reply}});
    }
    return wrote;
}

} // namespace linli
