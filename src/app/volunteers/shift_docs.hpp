#pragma once
// Volunteer shift documents: ids and bodies. A document's type is its id's prefix.
//   post:<made id tail>                      a post (gate, sampling site, hotline ...)
//   shift:<post key>@<start ms>              one shift of a post (same id on every device)
//   signup:<post key>@<start ms>~<volunteer> one volunteer on one shift
// On a volunteer's own phone (volunteer mode; no staff data there):
//   my_offer:<desk>-<made s>                 a sign-up link opened
//   my_profile:me                            the name and phone typed once, the code key
//   my_signup:<post key>@<start ms>          what they signed up for and what they were told
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/volunteers/shifts.hpp"
#include "core/volunteers/volunteer.hpp"
#include "io/volunteer_codes.hpp"
#include "store/document.hpp"
#include "store/schema.hpp"

namespace linli {

inline constexpr const char* kPostKinds[] = {"checkpoint",   "sampling", "delivery",
                                             "disinfection", "hotline",  "other"};

struct PostRecord {
    Post post; // post.id: the document id
    std::string rev;
    std::string kind;   // a kPostKinds key
    std::string secret; // makes the post's check-in codes; never leaves staff devices
    int64_t created_at = 0;
};

struct SignUpRecord {
    std::string id;
    std::string rev;
    SignUp signup;
    bool no_show = false;
    std::string via;     // "code" (a reply code), "desk" (staff), "sync"
    int64_t code_at = 0; // the time in the last reply code applied: older codes change nothing
};

// The post key: the id without "post:"; a shift's key: "<post key>@<start ms>".
std::string PostKeyOf(std::string_view post_id);
std::string PostIdOf(std::string_view post_key);
std::string ShiftIdFor(std::string_view post_key, int64_t start_ms);
std::string ShiftKeyOf(std::string_view shift_id);
std::string SignUpIdFor(std::string_view shift_id, std::string_view volunteer_id);
std::string MySignUpIdFor(std::string_view post_key, int64_t start_ms);
inline constexpr const char* kMyProfileId = "my_profile:me";

void RegisterShiftTypes(store::SchemaRegistry& schemas);

PostRecord PostFromDoc(const store::Document& doc);
store::Json PostBody(const PostRecord& p);
Shift ShiftFromDoc(const store::Document& doc);
store::Json ShiftBody(const Shift& s);
SignUpRecord SignUpFromDoc(const store::Document& doc);
store::Json SignUpBody(const SignUpRecord& s);

const char* SignUpStateKey(SignUpState s);
inline constexpr SignUpState kAllSignUpStates[] = {SignUpState::Confirmed, SignUpState::Waitlist,
                                                   SignUpState::Cancelled};

// The volunteer's own phone.
enum class MyState { Sent, Confirmed, Waitlist, Cancelled, Refused, CancelSent };
struct MySignUp {
    std::string id;
    std::string rev;
    OfferedPost post;
    int64_t start_ms = 0, end_ms = 0;
    MyState state = MyState::Sent;
    std::string reply; // the last code to send to staff
    int64_t at = 0;
    int64_t checked_in = 0, checked_out = 0;
};
struct MyProfile {
    std::string rev;
    std::string name;
    std::string phone;
    uint64_t key = 0;
};
const char* MyStateKey(MyState s);
inline constexpr MyState kAllMyStates[] = {MyState::Sent,     MyState::Confirmed,
                                           MyState::Waitlist, MyState::Cancelled,
                                           MyState::Refused,  MyState::CancelSent};
MySignUp MySignUpFromDoc(const store::Document& doc);
store::Json MySignUpBody(const MySignUp& s);
MyProfile MyProfileFromDoc(const store::Document& doc);
store::Json MyProfileBody(const MyProfile& p);

// A volunteer document's fields beyond name and phone.
void ReadVolunteerExtras(const store::Json& body, Volunteer& v);
void WriteVolunteerExtras(const Volunteer& v, store::Json& body);
std::string CodeKeyText(uint64_t key);
uint64_t CodeKeyFrom(std::string_view text);

} // namespace linli
