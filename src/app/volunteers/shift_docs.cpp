// Volunteer shift documents <-> the core's structs. Unknown keys from a newer app read as
// the first value and never throw.
#include "app/volunteers/shift_docs.hpp"

namespace linli {

using store::EnumFromKey;
using store::IntField;
using store::Json;
using store::StringField;

namespace {

std::vector<std::string> StringList(const Json& body, std::string_view key) {
    std::vector<std::string> out;
    const auto it = body.find(key);
    if (it != body.end() && it->is_array()) {
        for (const Json& v : *it) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
}

std::string After(std::string_view id, std::string_view prefix) {
    return id.substr(0, prefix.size()) == prefix ? std::string(id.substr(prefix.size()))
                                                 : std::string(id);
}

} // namespace

std::string PostKeyOf(std::string_view post_id) {
    return After(post_id, "post:");
}
std::string PostIdOf(std::string_view post_key) {
    return "post:" + std::string(post_key);
}
std::string ShiftIdFor(std::string_view post_key, int64_t start_ms) {
    return "shift:" + std::string(post_key) + "@" + std::to_string(start_ms);
}
std::string ShiftKeyOf(std::string_view shift_id) {
    return After(shift_id, "shift:");
}
std::string SignUpIdFor(std::string_view shift_id, std::string_view volunteer_id) {
    return "signup:" + ShiftKeyOf(shift_id) + "~" + After(volunteer_id, "volunteer:");
}
std::string MySignUpIdFor(std::string_view post_key, int64_t start_ms) {
    return "my_signup:" + std::string(post_key) + "@" + std::to_string(start_ms);
}

void RegisterShiftTypes(store::SchemaRegistry& schemas) {
    for (const char* type : {"post", "shift", "signup", "my_offer", "my_profile", "my_signup"}) {
        schemas.Register(type, {}); // version 1
    }
}

PostRecord PostFromDoc(const store::Document& doc) {
    PostRecord p;
    const Json& b = doc.body;
    p.post.id = doc.id;
    p.rev = doc.rev;
    p.post.name = StringField(b, "name");
    p.post.place = StringField(b, "place");
    p.post.skills = StringList(b, "skills");
    p.post.negative_test_within_days = static_cast<int>(IntField(b, "test_within_days"));
    p.kind = StringField(b, "kind");
    p.secret = StringField(b, "secret");
    p.created_at = IntField(b, "created_at");
    return p;
}

Json PostBody(const PostRecord& p) {
    return Json{{"type", "post"},
                {"name", p.post.name},
                {"place", p.post.place},
                {"skills", p.post.skills},
                {"test_within_days", p.post.negative_test_within_days},
                {"kind", p.kind},
                {"secret", p.secret},
                {"created_at", p.created_at}};
}

Shift ShiftFromDoc(const store::Document& doc) {
    Shift s;
    const Json& b = doc.body;
    s.id = doc.id;
    s.post_id = StringField(b, "post");
    s.start = IntField(b, "start");
    s.end = IntField(b, "end");
    s.min_people = static_cast<int>(IntField(b, "min", 1));
    s.max_people = static_cast<int>(IntField(b, "max", 1));
    return s;
}

Json ShiftBody(const Shift& s) {
    return Json{{"type", "shift"}, {"post", s.post_id},   {"start", s.start},
                {"end", s.end},    {"min", s.min_people}, {"max", s.max_people}};
}

const char* SignUpStateKey(SignUpState s) {
    switch (s) {
    case SignUpState::Confirmed:
        return "confirmed";
    case SignUpState::Waitlist:
        return "waitlist";
    case SignUpState::Cancelled:
        return "cancelled";
    }
    return "confirmed";
}

SignUpRecord SignUpFromDoc(const store::Document& doc) {
    SignUpRecord r;
    const Json& b = doc.body;
    r.id = doc.id;
    r.rev = doc.rev;
    r.signup.shift_id = StringField(b, "shift");
    r.signup.volunteer_id = StringField(b, "volunteer");
    r.signup.state = EnumFromKey(StringField(b, "state"), kAllSignUpStates, SignUpStateKey);
    r.signup.at = IntField(b, "at");
    r.signup.checked_in = IntField(b, "checked_in");
    r.signup.checked_out = IntField(b, "checked_out");
    r.no_show = store::BoolField(b, "no_show");
    r.via = StringField(b, "via");
    r.code_at = IntField(b, "code_at");
    return r;
}

Json SignUpBody(const SignUpRecord& r) {
    return Json{{"type", "signup"},
                {"shift", r.signup.shift_id},
                {"volunteer", r.signup.volunteer_id},
                {"state", SignUpStateKey(r.signup.state)},
                {"at", r.signup.at},
                {"checked_in", r.signup.checked_in},
                {"checked_out", r.signup.checked_out},
                {"no_show", r.no_show},
                {"via", r.via},
                {"code_at", r.code_at}};
}

const char* MyStateKey(MyState s) {
    switch (s) {
    case MyState::Sent:
        return "sent";
    case MyState::Confirmed:
        return "confirmed";
    case MyState::Waitlist:
        return "waitlist";
    case MyState::Cancelled:
        return "cancelled";
    case MyState::Refused:
        return "refused";
    case MyState::CancelSent:
        return "cancel_sent";
    }
    return "sent";
}

MySignUp MySignUpFromDoc(const store::Document& doc) {
    MySignUp m;
    const Json& b = doc.body;
    m.id = doc.id;
    m.rev = doc.rev;
    m.post.key = StringField(b, "post_key");
    m.post.name = StringField(b, "post_name");
    m.post.place = StringField(b, "place");
    m.post.skills = StringList(b, "skills");
    m.post.test_within_days = static_cast<uint16_t>(IntField(b, "test_within_days"));
    m.start_ms = IntField(b, "start");
    m.end_ms = IntField(b, "end");
    m.state = EnumFromKey(StringField(b, "state"), kAllMyStates, MyStateKey);
    m.reply = StringField(b, "reply");
    m.at = IntField(b, "at");
    m.checked_in = IntField(b, "checked_in");
    m.checked_out = IntField(b, "checked_out");
    return m;
}

Json MySignUpBody(const MySignUp& m) {
    return Json{{"type", "my_signup"},
                {"post_key", m.post.key},
                {"post_name", m.post.name},
                {"place", m.post.place},
                {"skills", m.post.skills},
                {"test_within_days", m.post.test_within_days},
                {"start", m.start_ms},
                {"end", m.end_ms},
                {"state", MyStateKey(m.state)},
                {"reply", m.reply},
                {"at", m.at},
                {"checked_in", m.checked_in},
                {"checked_out", m.checked_out}};
}

std::string CodeKeyText(uint64_t key) {
    std::string bytes;
    for (int shift = 56; shift >= 0; shift -= 8) {
        bytes += static_cast<char>((key >> shift) & 0xFF);
    }
    return Base32Encode(bytes);
}

uint64_t CodeKeyFrom(std::string_view text) {
    std::string bytes;
    if (text.empty() || !Base32Decode(text, bytes) || bytes.size() < 8) {
        return 0;
    }
    uint64_t key = 0;
    for (size_t i = 0; i < 8; ++i) {
        key = (key << 8) | static_cast<unsigned char>(bytes[i]);
    }
    return key;
}

MyProfile MyProfileFromDoc(const store::Document& doc) {
    MyProfile p;
    p.rev = doc.rev;
    p.name = StringField(doc.body, "name");
    p.phone = StringField(doc.body, "phone");
    p.key = CodeKeyFrom(StringField(doc.body, "key"));
    return p;
}

Json MyProfileBody(const MyProfile& p) {
    return Json{
        {"type", "my_profile"}, {"name", p.name}, {"phone", p.phone}, {"key", CodeKeyText(p.key)}};
}

void ReadVolunteerExtras(const Json& body, Volunteer& v) {
    v.category = StringField(body, "category");
    v.skills = StringList(body, "skills");
    v.last_negative_test = IntField(body, "last_negative_test");
    v.note = StringField(body, "note");
    v.code_key = CodeKeyFrom(StringField(body, "code_key"));
}

void WriteVolunteerExtras(const Volunteer& v, Json& body) {
    body["category"] = v.category;
    body["skills"] = v.skills;
    body["last_negative_test"] = v.last_negative_test;
    body["note"] = v.note;
    if (v.code_key != 0) {
        body["code_key"] = CodeKeyText(v.code_key);
    }
}

} // namespace linli
