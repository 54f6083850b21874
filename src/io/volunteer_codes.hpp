#pragma once
// The short texts that carry volunteer sign-ups where there is no sync server: the sign-up
// link's offer (staff -> volunteers, in the link's #fragment), the reply code a volunteer
// sends back over WeChat (sign up, cancel, check in or out), the confirmation code staff
// return, and the check-in code a post's screen shows (it changes every minute).
//
// Each is a prefix ("LLS", "LLR", "LLC", "LLP"), then Crockford base32 of: cereal's
// portable binary archive of the payload (deflated for the link's offer, whose shift
// starts are coded as steps), and a 32-bit checksum of it, in groups of four
// for reading aloud. Decoding ignores case, spaces and dashes, reads O as 0 and I/L as 1,
// and refuses a code whose checksum does not match (a mistyped character), so a damaged
// code never reaches the store. Strings and lists carry bounded lengths and the reader
// never runs past the input, so no code, however made, can make the decoder allocate
// without bound or throw (exceptions are off in the web build).
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace linli {

// A post as the link offers it: what a volunteer needs to decide.
struct OfferedPost {
    std::string key; // the post's id without its "post:" prefix
    std::string name;
    std::string place;
    std::vector<std::string> skills; // required skill keys
    uint16_t test_within_days = 0;   // 0: no test required
    bool operator==(const OfferedPost&) const = default;
};
struct OfferedShift {
    uint16_t post = 0;    // index into posts
    int64_t start_ms = 0; // whole minutes
    int64_t end_ms = 0;
    uint8_t free = 0; // free places when the link was made
    uint8_t max = 0;
    bool operator==(const OfferedShift&) const = default;
};
struct SignUpOffer {
    std::string desk;    // the staff device that made it (its device tag)
    int64_t made_at = 0; // ms, whole seconds
    std::vector<OfferedPost> posts;
    std::vector<OfferedShift> shifts; // earliest first
    bool operator==(const SignUpOffer&) const = default;
};

enum class ReplyKind : uint8_t { SignUp = 1, Cancel = 2, CheckIn = 3, CheckOut = 4 };
struct ReplyCode {
    ReplyKind kind = ReplyKind::SignUp;
    uint64_t volunteer_key = 0; // made once on the volunteer's phone
    std::string name;
    std::string phone;
    std::string post_key;
    int64_t shift_start_ms = 0; // with post_key: the shift
    int64_t at_ms = 0;          // when the volunteer did it (whole seconds)
    // CheckIn/CheckOut: the post code scanned or typed, and the minute it belongs to.
    uint32_t post_code = 0;
    int64_t code_minute = 0;
    bool operator==(const ReplyCode&) const = default;
};

// A sign-up's state as staff tell it back.
enum class ToldState : uint8_t { Confirmed = 1, Waitlist = 2, Cancelled = 3, Refused = 4 };
struct ToldSignUp {
    std::string post_key;
    int64_t shift_start_ms = 0;
    ToldState state = ToldState::Confirmed;
    bool operator==(const ToldSignUp&) const = default;
};
struct ConfirmationCode {
    uint64_t volunteer_key = 0;
    int64_t at_ms = 0;
    std::vector<ToldSignUp> signups; // every current sign-up of the volunteer
    bool operator==(const ConfirmationCode&) const = default;
};

// What a post's check-in screen shows: the post, the minute, and a six-digit code that
// only the staff device (which knows the post's secret) can make and check.
struct PostCheckInCode {
    std::string post_key;
    int64_t minute = 0; // minutes since 1970
    uint32_t code = 0;  // 0-999999
    bool operator==(const PostCheckInCode&) const = default;
};

enum class CodeError {
    Empty,     // nothing typed
    NotACode,  // not one of ours (wrong prefix or characters)
    WrongKind, // one of ours, but another kind (a confirmation pasted as a reply)
    Mistyped,  // the checksum does not match
    Damaged,   // checksum fine, content unreadable (a newer app's code)
};

std::string EncodeOffer(const SignUpOffer& offer);
std::string EncodeReply(const ReplyCode& reply);
std::string EncodeConfirmation(const ConfirmationCode& confirmation);
std::string EncodePostCheckIn(const PostCheckInCode& code);

std::variant<SignUpOffer, CodeError> DecodeOffer(std::string_view text);
std::variant<ReplyCode, CodeError> DecodeReply(std::string_view text);
std::variant<ConfirmationCode, CodeError> DecodeConfirmation(std::string_view text);
std::variant<PostCheckInCode, CodeError> DecodePostCheckIn(std::string_view text);

// The six digits a post shows for a minute, from the post's secret.
uint32_t PostCodeFor(std::string_view post_secret, std::string_view post_key, int64_t minute);
// Whether a code belongs to the post at or up to `slack` minutes around minute.
bool PostCodeMatches(std::string_view post_secret, std::string_view post_key, int64_t minute,
                     uint32_t code, int slack = 2);

// Crockford base32 (exposed for tests).
std::string Base32Encode(std::string_view bytes);
// Ignores spaces and dashes, folds case and O/I/L; false on any other character.
bool Base32Decode(std::string_view text, std::string& bytes);

} // namespace linli
