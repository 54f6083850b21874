// Volunteer shifts. Sections: helpers · posts and the link · reply codes and confirmations
// · staff placing people · check-in, the board and hours · the volunteer's phone.
#include "app/volunteers/shifts_service.hpp"

#include <algorithm>
#include <map>

#include "base/hash.hpp"

namespace linli {

using store::Json;

namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 24 * kHourMs;

std::optional<ShiftProblem> ProblemOf(CodeError e) {
    switch (e) {
    case CodeError::Empty:
        return ShiftProblem::CodeEmpty;
    case CodeError::NotACode:
        return ShiftProblem::CodeNotOurs;
    case CodeError::WrongKind:
        return ShiftProblem::CodeWrongKind;
    case CodeError::Mistyped:
        return ShiftProblem::CodeMistyped;
    case CodeError::Damaged:
        return ShiftProblem::CodeDamaged;
    }
    return ShiftProblem::CodeNotOurs;
}

ToldState Told(SignUpState s) {
    switch (s) {
    case SignUpState::Confirmed:
        return ToldState::Confirmed;
    case SignUpState::Waitlist:
        return ToldState::Waitlist;
    case SignUpState::Cancelled:
        return ToldState::Cancelled;
    }
    return ToldState::Confirmed;
}

// A secret for a post's check-in codes, from what differs between posts and devices.
std::string MakeSecret(const std::string& id, const std::string& device, int64_t now_ms) {
    const uint64_t a = Fnv1a64(id + "|" + device + "|" + std::to_string(now_ms));
    const uint64_t b = Fnv1a64(std::to_string(a) + id);
    return CodeKeyText(a) + CodeKeyText(b);
}

} // namespace

void ShiftsService::RegisterTypes(store::SchemaRegistry& schemas) {
    RegisterShiftTypes(schemas);
}

std::vector<int> ParseChangeHours(std::string_view text) {
    std::vector<int> hours;
    int current = -1;
    auto flush = [&]() {
        if (current >= 0) {
            hours.push_back(current);
        }
        current = -1;
    };
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            current = (current < 0 ? 0 : current * 10) + (c - '0');
            if (current > 99) {
                return {};
            }
        } else if (c == '/' || c == ',' || c == ' ' || c == '\xEF' || c == '\xBC' || c == '\x8C' ||
                   c == '-' || c == ':') {
            flush(); // "，" (full-width comma, EF BC 8C) too
        } else {
            return {};
        }
    }
    flush();
    for (size_t i = 0; i < hours.size(); ++i) {
        if (hours[i] > 23 || (i > 0 && hours[i] <= hours[i - 1])) {
            return {};
        }
    }
    return hours;
}

Outcome ShiftsService::Write(std::vector<store::Result<store::Change>> changes, Outcome out) {
    if (changes.empty()) {
        out.ok = true;
        return out;
    }
    Outcome written = writer_.Commit(std::move(changes));
    if (!out.id.empty() && written.ok) {
        written.id = out.id;
    }
    written.effects = std::move(out.effects);
    return written;
}

store::Result<store::Change> ShiftsService::PutSignUp(SignUpRecord record) {
    const std::string id = SignUpIdFor(record.signup.shift_id, record.signup.volunteer_id);
    Json body = SignUpBody(record);
    if (const store::Document* doc = writer_.Live(id)) {
        Json stored = doc->body;
        store::OverlayFields(stored, body);
        body = std::move(stored);
    }
    return writer_.Store().Put(id, std::move(body), writer_.RevOf(id));
}

void ShiftsService::PromoteAfter(const std::string& shift_id, const std::string& leaving,
                                 std::vector<store::Result<store::Change>>& changes, Outcome& out) {
    const Shift* shift = Model().FindShift(shift_id);
    if (shift == nullptr) {
        return;
    }
    std::vector<SignUp> others;
    std::vector<const SignUpRecord*> records;
    for (const SignUpRecord* r : model_.SignUpsOf(shift_id)) {
        if (r->id != leaving) {
            others.push_back(r->signup);
            records.push_back(r);
        }
    }
    for (const size_t i : Promotions(*shift, others)) {
        SignUpRecord promoted = *records[i];
        promoted.signup.state = SignUpState::Confirmed;
        out.effects.push_back({Effect::Promoted, promoted.id});
        changes.push_back(PutSignUp(std::move(promoted)));
    }
}

VolunteerFacts ShiftsService::FactsOf(const std::string& volunteer_id) {
    VolunteerFacts facts;
    if (const auto v = volunteers_.Find(volunteer_id)) {
        facts.skills = v->skills;
        facts.last_negative_test = v->last_negative_test;
    }
    return facts;
}

// ------------------------------------------------------------------ posts and the link

Outcome ShiftsService::CreatePost(const PostDraft& draft, int64_t now_ms) {
    Outcome out;
    const std::string name = TrimSpaces(draft.name);
    const std::vector<int> hours = ParseChangeHours(draft.change_hours);
    if (name.empty()) {
        out.problems.Add(ShiftProblem::PostNameMissing);
    }
    if (draft.max_people < 1 || draft.max_people > 200 || draft.min_people < 0 ||
        draft.min_people > draft.max_people) {
        out.problems.Add(ShiftProblem::PeopleInvalid);
    }
    if (draft.days < 1 || draft.days > 62) {
        out.problems.Add(ShiftProblem::DaysInvalid);
    }
    if (hours.empty()) {
        out.problems.Add(ShiftProblem::ChangeHoursInvalid);
    }
    if (!out.problems.empty()) {
        return out;
    }
    PostRecord record;
    record.post.id = writer_.Ids().Make("post", now_ms);
    record.post.name = name;
    record.post.place = TrimSpaces(draft.place);
    for (const char* k : kVolunteerSkills) {
        if (std::find(draft.skills.begin(), draft.skills.end(), k) != draft.skills.end()) {
            record.post.skills.emplace_back(k);
        }
    }
    record.post.negative_test_within_days = std::clamp(draft.test_within_days, 0, 30);
    record.kind = kPostKinds[0];
    for (const char* k : kPostKinds) {
        record.kind = draft.kind == k ? k : record.kind;
    }
    record.secret = MakeSecret(record.post.id, writer_.DeviceTag(), now_ms);
    record.created_at = now_ms;
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(writer_.Store().Put(record.post.id, PostBody(record), ""));
    const std::string key = PostKeyOf(record.post.id);
    for (Shift s : ShiftsFromTemplate(record.post, draft.first_day_start, draft.days, hours,
                                      draft.min_people, draft.max_people)) {
        s.id = ShiftIdFor(key, s.start);
        changes.push_back(writer_.Store().Put(s.id, ShiftBody(s), ""));
    }
    out.id = record.post.id;
    return Write(std::move(changes), std::move(out));
}

bool ShiftsService::ParseWindow(std::string_view window, int& start_minute, int& end_minute) {
    int numbers[4] = {0, 0, 0, 0};
    int count = 0;
    bool in_number = false;
    bool dash_seen = false;
    int before_dash = 0;
    for (size_t i = 0; i < window.size(); ++i) {
        const char c = window[i];
        if (c >= '0' && c <= '9') {
            if (!in_number) {
                if (count >= 4) {
                    return false;
                }
                ++count;
                in_number = true;
            }
            numbers[count - 1] = numbers[count - 1] * 10 + (c - '0');
            if (numbers[count - 1] > 99) {
                return false;
            }
            continue;
        }
        in_number = false;
        if (c == ':') {
            continue;
        }
        if (c == '-' || window.compare(i, 3, "～") == 0 || window.compare(i, 3, "—") == 0 ||
            window.compare(i, 3, "至") == 0) {
            if (dash_seen) {
                return false;
            }
            dash_seen = true;
            before_dash = count;
            i += c == '-' ? 0 : 2;
            continue;
        }
        if (c != ' ') {
            return false;
        }
    }
    if (!dash_seen || before_dash < 1 || before_dash > 2 || count - before_dash < 1 ||
        count - before_dash > 2) {
        return false;
    }
    const int sh = numbers[0], sm = before_dash == 2 ? numbers[1] : 0;
    const int eh = numbers[before_dash],
              em = count - before_dash == 2 ? numbers[before_dash + 1] : 0;
    if (sh > 23 || sm > 59 || eh > 24 || em > 59 || (eh == 24 && em > 0)) {
        return false;
    }
    start_minute = sh * 60 + sm;
    end_minute = eh * 60 + em;
    return end_minute > start_minute;
}

Outcome ShiftsService::TeamsFromRound(const Round& round, std::string_view prefix,
                                      int64_t day_start, int people, int64_t now_ms, int& skipped) {
    Outcome out;
    skipped = 0;
    const ShiftsModel& m = Model();
    std::vector<store::Result<store::Change>> changes;
    const std::string round_key = std::string(store::TypeOf(round.id)).empty()
                                      ? round.id
                                      : round.id.substr(round.id.find(':') + 1);
    std::vector<std::string> made_posts;
    for (const SiteWindow& site : round.sites) {
        int start = 0, end = 0;
        if (TrimSpaces(site.site).empty() || !ParseWindow(site.window, start, end)) {
            ++skipped;
            continue;
        }
        // One post per site of the round, the same id on every device.
        const std::string post_key = "sampling-" + round_key + "-" +
                                     CodeKeyText(Fnv1a64(TrimSpaces(site.site))).substr(0, 6);
        const std::string post_id = PostIdOf(post_key);
        if (m.FindPost(post_id) == nullptr &&
            std::find(made_posts.begin(), made_posts.end(), post_id) == made_posts.end()) {
            PostRecord record;
            record.post.id = post_id;
            record.post.name = std::string(prefix) + TrimSpaces(site.site);
            record.post.place = TrimSpaces(site.site);
            record.kind = "sampling";
            record.secret = MakeSecret(post_id, writer_.DeviceTag(), now_ms);
            record.created_at = now_ms;
            changes.push_back(writer_.Store().Put(post_id, PostBody(record), ""));
            made_posts.push_back(post_id);
        }
        Shift s;
        s.post_id = post_id;
        s.start = day_start + int64_t{start} * 60'000;
        s.end = day_start + int64_t{end} * 60'000;
        s.min_people = std::max(1, people);
        s.max_people = std::max(1, people);
        s.id = ShiftIdFor(post_key, s.start);
        if (writer_.Live(s.id) == nullptr) {
            changes.push_back(writer_.Store().Put(s.id, ShiftBody(s), ""));
        }
    }
    return Write(std::move(changes), std::move(out));
}

SignUpOffer ShiftsService::MakeOffer(const std::vector<std::string>& post_ids, int days,
                                     int64_t now_ms) {
    const ShiftsModel& m = Model();
    SignUpOffer offer;
    offer.desk = writer_.DeviceTag();
    offer.made_at = now_ms / 1000 * 1000;
    std::map<std::string, uint16_t> index_of;
    for (const Shift& s : m.Shifts()) {
        if (s.end <= now_ms || s.start > now_ms + int64_t{days} * kDayMs) {
            continue;
        }
        if (!post_ids.empty() &&
            std::find(post_ids.begin(), post_ids.end(), s.post_id) == post_ids.end()) {
            continue;
        }
        const PostRecord* post = m.FindPost(s.post_id);
        if (post == nullptr || offer.shifts.size() >= 1000) {
            continue;
        }
        auto [it, added] = index_of.try_emplace(s.post_id, offer.posts.size());
        if (added) {
            OfferedPost p;
            p.key = PostKeyOf(post->post.id);
            p.name = post->post.name;
            p.place = post->post.place;
            p.skills = post->post.skills;
            p.test_within_days = static_cast<uint16_t>(post->post.negative_test_within_days);
            offer.posts.push_back(std::move(p));
        }
        OfferedShift o;
        o.post = it->second;
        o.start_ms = s.start;
        o.end_ms = s.end;
        o.max = static_cast<uint8_t>(std::min(255, s.max_people));
        o.free = static_cast<uint8_t>(std::clamp(s.max_people - m.ConfirmedCount(s.id), 0, 255));
        offer.shifts.push_back(o);
    }
    return offer;
}

// ------------------------------------------------------- reply codes and confirmations

Outcome ShiftsService::ImportReply(std::string_view code, int64_t now_ms) {
    Outcome out;
    auto decoded = DecodeReply(code);
    if (const CodeError* e = std::get_if<CodeError>(&decoded)) {
        out.problems.Add(*ProblemOf(*e));
        return out;
    }
    const ReplyCode& r = std::get<ReplyCode>(decoded);
    const std::string shift_id = ShiftIdFor(r.post_key, r.shift_start_ms);
    const ShiftsModel& m = Model();
    const Shift* shift = m.FindShift(shift_id);
    const PostRecord* post = shift ? m.FindPost(shift->post_id) : nullptr;
    if (shift == nullptr || post == nullptr) {
        out.problems.Add(ShiftProblem::UnknownShift);
        return out;
    }
    std::vector<store::Result<store::Change>> changes;
    // Who: the volunteer with this phone, or a new one.
    std::string volunteer_id;
    if (const auto v = volunteers_.FindByPhone(r.phone)) {
        volunteer_id = v->id;
        if (v->code_key != r.volunteer_key && r.kind == ReplyKind::SignUp) {
            Volunteer updated = *v;
            updated.code_key = r.volunteer_key;
            if (const store::Document* doc = writer_.Live(v->id)) {
                Json body = doc->body;
                WriteVolunteerExtras(updated, body);
                changes.push_back(writer_.Store().Put(v->id, std::move(body), doc->rev));
            }
        }
    } else if (r.kind == ReplyKind::SignUp) {
        out.problems.AddAll(ValidateVolunteer(r.name, r.phone));
        if (!out.problems.empty()) {
            return out;
        }
        Volunteer someone_new;
        someone_new.name = r.name;
        someone_new.phone = r.phone;
        someone_new.code_key = r.volunteer_key;
        volunteer_id = writer_.Ids().Make("volunteer", now_ms);
        changes.push_back(
            writer_.Store().Put(volunteer_id, volunteers_.NewBody(someone_new, now_ms), ""));
    } else {
        out.problems.Add(ShiftProblem::NotSignedUp);
        return out;
    }
    const std::string signup_id = SignUpIdFor(shift_id, volunteer_id);
    out.id = signup_id;
    const SignUpRecord* existing = model_.FindSignUp(signup_id);
    const bool seen = existing != nullptr && r.at_ms <= existing->code_at;
    auto unchanged = [&]() {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            if (it->ok()) {
                writer_.Store().Rollback(*it->value);
            }
        }
        changes.clear();
        out.effects.push_back({Effect::Unchanged, shift_id});
        if (existing != nullptr) {
            const SignUpState s = existing->signup.state;
            out.effects.push_back({s == SignUpState::Confirmed  ? Effect::SignedUp
                                   : s == SignUpState::Waitlist ? Effect::Waitlisted
                                                                : Effect::SignUpCancelled,
                                   shift_id});
        }
        out.ok = true;
        return out;
    };
    switch (r.kind) {
    case ReplyKind::SignUp: {
        if (seen) {
            return unchanged();
        }
        if (shift->end <= now_ms) {
            out.problems.Add(ShiftProblem::ShiftOver);
            break;
        }
        std::vector<const Shift*> theirs;
        for (const SignUpRecord* other : m.SignUpsOfVolunteer(volunteer_id)) {
            if (other->signup.state != SignUpState::Cancelled && other->id != signup_id) {
                if (const Shift* s = m.FindShift(other->signup.shift_id)) {
                    theirs.push_back(s);
                }
            }
        }
        const auto conflicts = ConflictsFor(*shift, post->post, FactsOf(volunteer_id), theirs);
        if (std::find(conflicts.begin(), conflicts.end(), ShiftConflict::DoubleBooked) !=
            conflicts.end()) {
            out.problems.Add(ShiftProblem::DoubleBooked);
            break;
        }
        std::vector<SignUp> others;
        for (const SignUpRecord* o : m.SignUpsOf(shift_id)) {
            if (o->id != signup_id) {
                others.push_back(o->signup);
            }
        }
        SignUpRecord record;
        record.signup.shift_id = shift_id;
        record.signup.volunteer_id = volunteer_id;
        record.signup.state = PlaceFor(*shift, others);
        record.signup.at = r.at_ms;
        record.via = "code";
        record.code_at = r.at_ms;
        out.effects.push_back(
            {record.signup.state == SignUpState::Confirmed ? Effect::SignedUp : Effect::Waitlisted,
             shift_id});
        changes.push_back(PutSignUp(std::move(record)));
        break;
    }
    case ReplyKind::Cancel: {
        if (existing == nullptr) {
            out.problems.Add(ShiftProblem::NotSignedUp);
            break;
        }
        if (seen || existing->signup.state == SignUpState::Cancelled) {
            return unchanged();
        }
        SignUpRecord record = *existing;
        const bool had_place = record.signup.state == SignUpState::Confirmed;
        record.signup.state = SignUpState::Cancelled;
        record.code_at = r.at_ms;
        out.effects.push_back({Effect::SignUpCancelled, shift_id});
        changes.push_back(PutSignUp(std::move(record)));
        if (had_place) {
            PromoteAfter(shift_id, signup_id, changes, out);
        }
        break;
    }
    case ReplyKind::CheckIn:
    case ReplyKind::CheckOut: {
        if (existing == nullptr || existing->signup.state != SignUpState::Confirmed) {
            out.problems.Add(ShiftProblem::NotSignedUp);
            break;
        }
        if (!PostCodeMatches(post->secret, r.post_key, r.code_minute, r.post_code)) {
            out.problems.Add(ShiftProblem::CheckInCodeWrong);
            break;
        }
        if (seen) {
            return unchanged();
        }
        SignUpRecord record = *existing;
        const int64_t at = r.code_minute * kMinuteMs;
        if (r.kind == ReplyKind::CheckIn) {
            record.signup.checked_in = at;
            out.effects.push_back({Effect::CheckedIn, shift_id});
        } else {
            record.signup.checked_out = at;
            out.effects.push_back({Effect::CheckedOut, shift_id});
        }
        record.no_show = false;
        record.code_at = r.at_ms;
        changes.push_back(PutSignUp(std::move(record)));
        break;
    }
    }
    if (!out.problems.empty()) {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            if (it->ok()) {
                writer_.Store().Rollback(*it->value);
            }
        }
        out.effects.clear();
        return out;
    }
    return Write(std::move(changes), std::move(out));
}

namespace {

ConfirmationCode ConfirmationOf(const ShiftsModel& m, const std::string& volunteer_id, uint64_t key,
                                int64_t now_ms) {
    ConfirmationCode c;
    c.volunteer_key = key;
    c.at_ms = now_ms / 1000 * 1000;
    for (const SignUpRecord* r : m.SignUpsOfVolunteer(volunteer_id)) {
        const Shift* s = m.FindShift(r->signup.shift_id);
        if (s == nullptr || s->end < now_ms - kDayMs || c.signups.size() >= 200) {
            continue;
        }
        c.signups.push_back({PostKeyOf(s->post_id), s->start, Told(r->signup.state)});
    }
    return c;
}

} // namespace

std::string ShiftsService::ConfirmationFor(const std::string& volunteer_id, int64_t now_ms) {
    const auto v = volunteers_.Find(volunteer_id);
    if (!v || v->code_key == 0) {
        return "";
    }
    return EncodeConfirmation(ConfirmationOf(Model(), volunteer_id, v->code_key, now_ms));
}

std::string ShiftsService::ConfirmationForReply(std::string_view reply_code, int64_t now_ms) {
    auto decoded = DecodeReply(reply_code);
    const ReplyCode* r = std::get_if<ReplyCode>(&decoded);
    if (r == nullptr) {
        return "";
    }
    const auto v = volunteers_.FindByPhone(r->phone);
    ConfirmationCode c = ConfirmationOf(Model(), v ? v->id : "", r->volunteer_key, now_ms);
    // The shift this code asked for and did not get (a double booking, an ended shift).
    const bool told = std::any_of(c.signups.begin(), c.signups.end(), [&](const ToldSignUp& t) {
        return t.post_key == r->post_key && t.shift_start_ms == r->shift_start_ms;
    });
    if (!told && r->kind == ReplyKind::SignUp) {
        c.signups.push_back({r->post_key, r->shift_start_ms, ToldState::Refused});
    }
    return EncodeConfirmation(c);
}

// --------------------------------------------------------------- staff placing people

std::vector<ShiftConflict> ShiftsService::ConflictsOf(const std::string& shift_id,
                                                      const std::string& volunteer_id) {
    const ShiftsModel& m = Model();
    const Shift* shift = m.FindShift(shift_id);
    const PostRecord* post = shift ? m.FindPost(shift->post_id) : nullptr;
    if (shift == nullptr || post == nullptr) {
        return {};
    }
    std::vector<const Shift*> theirs;
    for (const SignUpRecord* other : m.SignUpsOfVolunteer(volunteer_id)) {
        if (other->signup.state != SignUpState::Cancelled && other->signup.shift_id != shift_id) {
            if (const Shift* s = m.FindShift(other->signup.shift_id)) {
                theirs.push_back(s);
            }
        }
    }
    return ConflictsFor(*shift, post->post, FactsOf(volunteer_id), theirs);
}

Outcome ShiftsService::Assign(const std::string& shift_id, const std::string& volunteer_id,
                              int64_t now_ms, bool accept_warnings) {
    Outcome out;
    const Shift* shift = Model().FindShift(shift_id);
    if (shift == nullptr || !volunteers_.Find(volunteer_id)) {
        out.error = store::EditError::NotFound;
        return out;
    }
    for (const ShiftConflict c : ConflictsOf(shift_id, volunteer_id)) {
        switch (c) {
        case ShiftConflict::DoubleBooked:
            out.problems.Add(ShiftProblem::DoubleBooked);
            break;
        case ShiftConflict::TooLittleRest:
            if (!accept_warnings) {
                out.problems.Add(ShiftProblem::TooLittleRest);
            }
            break;
        case ShiftConflict::MissingSkill:
            if (!accept_warnings) {
                out.problems.Add(ShiftProblem::MissingSkill);
            }
            break;
        case ShiftConflict::TestTooOld:
            if (!accept_warnings) {
                out.problems.Add(ShiftProblem::TestTooOld);
            }
            break;
        }
    }
    if (!out.problems.empty()) {
        return out;
    }
    const std::string signup_id = SignUpIdFor(shift_id, volunteer_id);
    const SignUpRecord* existing = model_.FindSignUp(signup_id);
    if (existing != nullptr && existing->signup.state != SignUpState::Cancelled) {
        out.ok = true; // already on it
        out.id = signup_id;
        out.effects.push_back({Effect::Unchanged, shift_id});
        return out;
    }
    std::vector<SignUp> others;
    for (const SignUpRecord* o : model_.SignUpsOf(shift_id)) {
        if (o->id != signup_id) {
            others.push_back(o->signup);
        }
    }
    SignUpRecord record = existing ? *existing : SignUpRecord{};
    record.signup.shift_id = shift_id;
    record.signup.volunteer_id = volunteer_id;
    record.signup.state = PlaceFor(*shift, others);
    record.signup.at = now_ms;
    record.via = "desk";
    out.effects.push_back(
        {record.signup.state == SignUpState::Confirmed ? Effect::SignedUp : Effect::Waitlisted,
         shift_id});
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(PutSignUp(std::move(record)));
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::Cancel(const std::string& signup_id, int64_t /*now_ms*/) {
    Outcome out;
    const SignUpRecord* existing = Model().FindSignUp(signup_id);
    if (existing == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    SignUpRecord record = *existing;
    const bool had_place = record.signup.state == SignUpState::Confirmed;
    record.signup.state = SignUpState::Cancelled;
    out.effects.push_back({Effect::SignUpCancelled, record.signup.shift_id});
    std::vector<store::Result<store::Change>> changes;
    const std::string shift_id = record.signup.shift_id;
    changes.push_back(PutSignUp(std::move(record)));
    if (had_place) {
        PromoteAfter(shift_id, signup_id, changes, out);
    }
    out.id = signup_id;
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::Promote(const std::string& signup_id, int64_t /*now_ms*/) {
    Outcome out;
    const SignUpRecord* existing = Model().FindSignUp(signup_id);
    const Shift* shift = existing ? model_.FindShift(existing->signup.shift_id) : nullptr;
    if (existing == nullptr || shift == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    if (model_.ConfirmedCount(shift->id) >= shift->max_people) {
        out.problems.Add(ShiftProblem::ShiftFull);
        return out;
    }
    SignUpRecord record = *existing;
    record.signup.state = SignUpState::Confirmed;
    out.effects.push_back({Effect::Promoted, signup_id});
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(PutSignUp(std::move(record)));
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::Move(const std::string& signup_id, const std::string& to_shift_id,
                            int64_t now_ms) {
    Outcome out;
    const SignUpRecord* existing = Model().FindSignUp(signup_id);
    const Shift* to = model_.FindShift(to_shift_id);
    if (existing == nullptr || to == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    const std::string volunteer_id = existing->signup.volunteer_id;
    const std::string from_shift = existing->signup.shift_id;
    // Conflicts as if they were no longer on the old shift.
    std::vector<const Shift*> theirs;
    for (const SignUpRecord* other : model_.SignUpsOfVolunteer(volunteer_id)) {
        if (other->signup.state != SignUpState::Cancelled && other->id != signup_id) {
            if (const Shift* s = model_.FindShift(other->signup.shift_id)) {
                theirs.push_back(s);
            }
        }
    }
    const PostRecord* post = model_.FindPost(to->post_id);
    if (post != nullptr) {
        const auto conflicts = ConflictsFor(*to, post->post, FactsOf(volunteer_id), theirs);
        if (std::find(conflicts.begin(), conflicts.end(), ShiftConflict::DoubleBooked) !=
            conflicts.end()) {
            out.problems.Add(ShiftProblem::DoubleBooked);
            return out;
        }
    }
    SignUpRecord leaving = *existing;
    const bool had_place = leaving.signup.state == SignUpState::Confirmed;
    leaving.signup.state = SignUpState::Cancelled;
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(PutSignUp(leaving));
    if (had_place) {
        PromoteAfter(from_shift, signup_id, changes, out);
    }
    std::vector<SignUp> others = model_.CoreSignUpsOf(to_shift_id);
    SignUpRecord arriving;
    arriving.signup.shift_id = to_shift_id;
    arriving.signup.volunteer_id = volunteer_id;
    arriving.signup.state = PlaceFor(*to, others);
    arriving.signup.at = now_ms;
    arriving.via = "desk";
    out.effects.push_back(
        {arriving.signup.state == SignUpState::Confirmed ? Effect::SignedUp : Effect::Waitlisted,
         to_shift_id});
    out.id = SignUpIdFor(to_shift_id, volunteer_id);
    changes.push_back(PutSignUp(std::move(arriving)));
    return Write(std::move(changes), std::move(out));
}

// ------------------------------------------------------- check-in, the board and hours

Outcome ShiftsService::CheckIn(const std::string& signup_id, int64_t now_ms) {
    Outcome out;
    const SignUpRecord* existing = Model().FindSignUp(signup_id);
    if (existing == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    SignUpRecord record = *existing;
    record.signup.checked_in = now_ms;
    record.signup.checked_out = 0;
    record.no_show = false;
    out.effects.push_back({Effect::CheckedIn, record.signup.shift_id});
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(PutSignUp(std::move(record)));
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::CheckOut(const std::string& signup_id, int64_t now_ms) {
    Outcome out;
    const SignUpRecord* existing = Model().FindSignUp(signup_id);
    if (existing == nullptr || existing->signup.checked_in == 0) {
        out.problems.Add(ShiftProblem::NotSignedUp);
        return out;
    }
    SignUpRecord record = *existing;
    record.signup.checked_out = std::max(now_ms, record.signup.checked_in);
    out.effects.push_back({Effect::CheckedOut, record.signup.shift_id});
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(PutSignUp(std::move(record)));
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::MarkNoShow(const std::string& signup_id, bool no_show, int64_t /*now_ms*/) {
    Outcome out;
    const SignUpRecord* existing = Model().FindSignUp(signup_id);
    if (existing == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    SignUpRecord record = *existing;
    record.no_show = no_show;
    if (no_show) {
        record.signup.checked_in = 0;
        record.signup.checked_out = 0;
    }
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(PutSignUp(std::move(record)));
    return Write(std::move(changes), std::move(out));
}

std::vector<const Shift*> ShiftsService::GapsAt(int64_t now_ms) {
    const ShiftsModel& m = Model();
    return Gaps(m.Shifts(), m.AllSignUps(), now_ms);
}

std::vector<const Shift*> ShiftsService::OnNowAt(int64_t now_ms) {
    return OnNow(Model().Shifts(), now_ms);
}

std::vector<VolunteerHours> ShiftsService::Hours() {
    const ShiftsModel& m = Model();
    std::map<std::string, VolunteerHours> by_id;
    std::map<std::string, std::vector<SignUp>> worked;
    for (const SignUp& s : m.AllSignUps()) {
        if (s.state != SignUpState::Confirmed) {
            continue;
        }
        const SignUpRecord* r = m.FindSignUp(SignUpIdFor(s.shift_id, s.volunteer_id));
        if (r != nullptr && r->no_show) {
            by_id[s.volunteer_id].no_shows++;
        } else if (s.checked_in > 0 && s.checked_out > s.checked_in) {
            by_id[s.volunteer_id].shifts_done++;
            worked[s.volunteer_id].push_back(s);
        }
    }
    std::vector<VolunteerHours> out;
    for (auto& [id, h] : by_id) {
        h.volunteer_id = id;
        h.hours = HoursWorked(worked[id]);
        const auto v = volunteers_.Find(id);
        h.name = v ? v->name : id;
        out.push_back(h);
    }
    std::stable_sort(out.begin(), out.end(), [](const VolunteerHours& a, const VolunteerHours& b) {
        return a.hours > b.hours;
    });
    return out;
}

// ------------------------------------------------------------------ the volunteer's phone

Outcome ShiftsService::OpenOffer(std::string_view code, int64_t /*now_ms*/) {
    Outcome out;
    auto decoded = DecodeOffer(code);
    if (const CodeError* e = std::get_if<CodeError>(&decoded)) {
        out.problems.Add(*ProblemOf(*e));
        return out;
    }
    const SignUpOffer& offer = std::get<SignUpOffer>(decoded);
    const std::string id = "my_offer:" + offer.desk + "-" + std::to_string(offer.made_at / 1000);
    out.id = id;
    if (writer_.Live(id) != nullptr) {
        out.ok = true;
        out.effects.push_back({Effect::Unchanged, id});
        return out;
    }
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(
        writer_.Store().Put(id, Json{{"type", "my_offer"}, {"code", EncodeOffer(offer)}}, ""));
    return Write(std::move(changes), std::move(out));
}

std::vector<ShiftsService::OpenShift> ShiftsService::OpenShifts(int64_t now_ms) {
    std::map<std::string, OpenShift> by_key;
    for (const SignUpOffer& offer : Model().Offers()) { // newest first: the first one wins
        for (const OfferedShift& s : offer.shifts) {
            if (s.end_ms <= now_ms) {
                continue;
            }
            const OfferedPost& post = offer.posts[s.post];
            by_key.try_emplace(MySignUpIdFor(post.key, s.start_ms), OpenShift{post, s});
        }
    }
    std::vector<OpenShift> out;
    for (auto& [key, open] : by_key) {
        out.push_back(std::move(open));
    }
    std::stable_sort(out.begin(), out.end(), [](const OpenShift& a, const OpenShift& b) {
        return a.shift.start_ms < b.shift.start_ms;
    });
    return out;
}

Outcome ShiftsService::SignUpHere(const std::string& post_key, int64_t start_ms,
                                  std::string_view name, std::string_view phone, uint64_t entropy,
                                  int64_t now_ms) {
    Outcome out;
    out.problems.AddAll(ValidateVolunteer(name, phone));
    if (!out.problems.empty()) {
        return out;
    }
    const std::string id = MySignUpIdFor(post_key, start_ms);
    std::optional<OpenShift> offered;
    for (const OpenShift& o : OpenShifts(now_ms)) {
        if (o.post.key == post_key && o.shift.start_ms == start_ms) {
            offered = o;
        }
    }
    if (!offered) {
        out.problems.Add(ShiftProblem::UnknownShift);
        return out;
    }
    std::vector<store::Result<store::Change>> changes;
    MyProfile profile = model_.Profile() ? *model_.Profile() : MyProfile{};
    const MyProfile before = profile;
    profile.name = TrimSpaces(name);
    profile.phone = TrimSpaces(phone);
    if (profile.key == 0) {
        profile.key = entropy != 0 ? entropy : Fnv1a64(profile.phone + std::to_string(now_ms));
    }
    if (!model_.Profile() || before.name != profile.name || before.phone != profile.phone ||
        before.key != profile.key) {
        changes.push_back(
            writer_.Store().Put(kMyProfileId, MyProfileBody(profile), writer_.RevOf(kMyProfileId)));
    }
    const MySignUp* existing = model_.FindMine(id);
    if (existing != nullptr &&
        (existing->state == MyState::Sent || existing->state == MyState::Confirmed ||
         existing->state == MyState::Waitlist) &&
        changes.empty()) {
        out.ok = true;
        out.id = id;
        out.effects.push_back({Effect::Unchanged, id});
        return out;
    }
    ReplyCode reply;
    reply.kind = ReplyKind::SignUp;
    reply.volunteer_key = profile.key;
    reply.name = profile.name;
    reply.phone = profile.phone;
    reply.post_key = post_key;
    reply.shift_start_ms = start_ms;
    reply.at_ms = now_ms / 1000 * 1000;
    MySignUp mine = existing ? *existing : MySignUp{};
    mine.post = offered->post;
    mine.start_ms = offered->shift.start_ms;
    mine.end_ms = offered->shift.end_ms;
    mine.state = MyState::Sent;
    mine.reply = EncodeReply(reply);
    mine.at = reply.at_ms;
    changes.push_back(writer_.Store().Put(id, MySignUpBody(mine), writer_.RevOf(id)));
    out.id = id;
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::CancelHere(const std::string& my_signup_id, int64_t now_ms) {
    Outcome out;
    const MySignUp* existing = Model().FindMine(my_signup_id);
    const MyProfile* profile = model_.Profile();
    if (existing == nullptr || profile == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    ReplyCode reply;
    reply.kind = ReplyKind::Cancel;
    reply.volunteer_key = profile->key;
    reply.name = profile->name;
    reply.phone = profile->phone;
    reply.post_key = existing->post.key;
    reply.shift_start_ms = existing->start_ms;
    reply.at_ms = now_ms / 1000 * 1000;
    MySignUp mine = *existing;
    mine.state = MyState::CancelSent;
    mine.reply = EncodeReply(reply);
    out.id = my_signup_id;
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(writer_.Store().Put(my_signup_id, MySignUpBody(mine), mine.rev));
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::CheckInHere(std::string_view scanned, int64_t now_ms) {
    Outcome out;
    const MyProfile* profile = Model().Profile();
    std::string post_key;
    int64_t minute = now_ms / kMinuteMs;
    uint32_t code = 0;
    auto decoded = DecodePostCheckIn(scanned);
    if (const auto* p = std::get_if<PostCheckInCode>(&decoded)) {
        post_key = p->post_key;
        minute = p->minute;
        code = p->code;
    } else {
        // Six typed digits: the post is that of their shift on now.
        std::string digits;
        for (const char c : scanned) {
            if (c >= '0' && c <= '9') {
                digits += c;
            } else if (c != ' ' && c != '-') {
                digits = "x";
                break;
            }
        }
        if (digits.size() != 6) {
            out.problems.Add(digits.empty() ? ShiftProblem::CodeEmpty
                                            : ShiftProblem::CheckInCodeWrong);
            return out;
        }
        code = static_cast<uint32_t>(std::stoul(digits));
    }
    // Their confirmed shift at that post (any post for typed digits) running now, or
    // starting within the hour (arriving early), or ended within the hour (checking out).
    const MySignUp* on = nullptr;
    for (const MySignUp* m : model_.Mine()) {
        if (m->state != MyState::Confirmed || (!post_key.empty() && m->post.key != post_key)) {
            continue;
        }
        if (m->start_ms - kHourMs <= now_ms && now_ms < m->end_ms + kHourMs) {
            on = m;
            break;
        }
    }
    if (on == nullptr || profile == nullptr) {
        out.problems.Add(ShiftProblem::NoShiftNow);
        return out;
    }
    ReplyCode reply;
    reply.volunteer_key = profile->key;
    reply.name = profile->name;
    reply.phone = profile->phone;
    reply.post_key = on->post.key;
    reply.shift_start_ms = on->start_ms;
    reply.at_ms = now_ms / 1000 * 1000;
    reply.post_code = code;
    reply.code_minute = minute;
    MySignUp mine = *on;
    if (mine.checked_in == 0) {
        reply.kind = ReplyKind::CheckIn;
        mine.checked_in = now_ms;
        out.effects.push_back({Effect::CheckedIn, mine.id});
    } else if (mine.checked_out == 0) {
        reply.kind = ReplyKind::CheckOut;
        mine.checked_out = now_ms;
        out.effects.push_back({Effect::CheckedOut, mine.id});
    } else {
        out.ok = true;
        out.id = mine.id;
        out.effects.push_back({Effect::Unchanged, mine.id});
        return out;
    }
    mine.reply = EncodeReply(reply);
    out.id = mine.id;
    std::vector<store::Result<store::Change>> changes;
    changes.push_back(writer_.Store().Put(mine.id, MySignUpBody(mine), mine.rev));
    return Write(std::move(changes), std::move(out));
}

Outcome ShiftsService::ApplyConfirmation(std::string_view code, int64_t /*now_ms*/) {
    Outcome out;
    auto decoded = DecodeConfirmation(code);
    if (const CodeError* e = std::get_if<CodeError>(&decoded)) {
        out.problems.Add(*ProblemOf(*e));
        return out;
    }
    const ConfirmationCode& c = std::get<ConfirmationCode>(decoded);
    const MyProfile* profile = Model().Profile();
    if (profile == nullptr || profile->key != c.volunteer_key) {
        out.problems.Add(ShiftProblem::NotForThisPhone);
        return out;
    }
    std::vector<store::Result<store::Change>> changes;
    for (const ToldSignUp& t : c.signups) {
        const std::string id = MySignUpIdFor(t.post_key, t.shift_start_ms);
        const MySignUp* existing = model_.FindMine(id);
        if (existing == nullptr) {
            continue; // made at the desk for them: shown when a later link offers it
        }
        MyState state = MyState::Confirmed;
        Effect effect = Effect::SignedUp;
        switch (t.state) {
        case ToldState::Confirmed:
            break;
        case ToldState::Waitlist:
            state = MyState::Waitlist;
            effect = Effect::Waitlisted;
            break;
        case ToldState::Cancelled:
            state = MyState::Cancelled;
            effect = Effect::SignUpCancelled;
            break;
        case ToldState::Refused:
            state = MyState::Refused;
            effect = Effect::SignUpRefused;
            break;
        }
        // A confirmation older than a cancel sent since does not undo the cancel.
        if (existing->state == MyState::CancelSent && state != MyState::Cancelled) {
            continue;
        }
        out.effects.push_back({effect, id});
        if (existing->state != state) {
            MySignUp mine = *existing;
            mine.state = state;
            changes.push_back(writer_.Store().Put(id, MySignUpBody(mine), mine.rev));
        }
    }
    if (changes.empty()) {
        out.effects.push_back({Effect::Unchanged, ""});
    }
    return Write(std::move(changes), std::move(out));
}

} // namespace linli
