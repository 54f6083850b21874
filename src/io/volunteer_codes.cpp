// Volunteer codes. Sections: base32 · the bounded reader · payloads · framing · post codes.
#include "io/volunteer_codes.hpp"

#include <algorithm>
#include <cereal/cereal.hpp>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <zlib.h>

#include "base/hash.hpp"

namespace linli {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr uint8_t kFormatVersion = 1;
constexpr size_t kMaxCodeChars = 64 * 1024;
constexpr uint8_t kMaxString = 255; // bytes (a name of 60 characters is at most 240)
constexpr uint16_t kMaxList = 2000;

int Base32Value(char c) {
    if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
    }
    if (c == 'O') {
        c = '0';
    } else if (c == 'I' || c == 'L') {
        c = '1';
    }
    for (int i = 0; i < 32; ++i) {
        if (kAlphabet[i] == c) {
            return i;
        }
    }
    return -1;
}

} // namespace

// ------------------------------------------------------------------------------- base32

std::string Base32Encode(std::string_view bytes) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) {
        out += kAlphabet[(buffer << (5 - bits)) & 31];
    }
    return out;
}

bool Base32Decode(std::string_view text, std::string& bytes) {
    bytes.clear();
    uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == '-' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        }
        const int v = Base32Value(c);
        if (v < 0) {
            return false;
        }
        buffer = (buffer << 5) | static_cast<uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            bytes += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
            bits -= 8;
        }
    }
    // What is left must be the encoder's zero padding (under 5 bits): a changed last
    // character, or one too many, is not the same code.
    return bits < 5 && (buffer & ((1u << bits) - 1)) == 0;
}

// ------------------------------------------------------------------------ the bounded reader

namespace {

// cereal archives over bytes in memory, in the byte layout of cereal's portable binary
// archive (a first byte that says little-endian, then each value as stored), so codes made
// by earlier builds still read. Not over std::iostream: streams and locales would add
// 50 KB to the wasm every visitor downloads, for a few hundred bytes per code.
class CodeOutputArchive
    : public cereal::OutputArchive<CodeOutputArchive, cereal::AllowEmptyClassElision> {
  public:
    explicit CodeOutputArchive(std::string& out) : OutputArchive(this), out_(out) {
        const uint8_t little_endian = 1; // wasm and x86 are little-endian: stored as is
        saveBinary(&little_endian, 1);
    }
    void saveBinary(const void* data, size_t size) {
        out_.append(static_cast<const char*>(data), size);
    }

  private:
    std::string& out_;
};

// Hands cereal the payload and, past its end, zeros: a read never fails (so cereal never
// throws) and `overrun` says the content was shorter than it claimed.
class CodeInputArchive
    : public cereal::InputArchive<CodeInputArchive, cereal::AllowEmptyClassElision> {
  public:
    explicit CodeInputArchive(std::string_view data) : InputArchive(this), data_(data) {
        uint8_t little_endian = 1;
        loadBinary(&little_endian, 1, 1);
        swap_ = little_endian == 0; // written by a big-endian machine
    }
    bool overrun() const { return overrun_; }

    // value_size: the size of one value, whose bytes are swapped when the writer's order
    // was the other one.
    void loadBinary(void* data, size_t size, size_t value_size) {
        auto* out = static_cast<unsigned char*>(data);
        const size_t have = std::min(size, data_.size() - pos_);
        std::memcpy(out, data_.data() + pos_, have);
        std::memset(out + have, 0, size - have);
        pos_ += have;
        overrun_ = overrun_ || have < size;
        if (swap_ && value_size > 1) {
            for (size_t i = 0; i + value_size <= size; i += value_size) {
                std::reverse(out + i, out + i + value_size);
            }
        }
    }

  private:
    std::string_view data_;
    size_t pos_ = 0;
    bool overrun_ = false;
    bool swap_ = false;
};

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_SAVE_FUNCTION_NAME(CodeOutputArchive& ar,
                                                                    const T& t) {
    ar.saveBinary(&t, sizeof t);
}
template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(CodeInputArchive& ar, T& t) {
    ar.loadBinary(&t, sizeof t, sizeof t);
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(CodeOutputArchive& ar, const cereal::BinaryData<T>& bd) {
    ar.saveBinary(bd.data, static_cast<size_t>(bd.size));
}
template <class T> void CEREAL_LOAD_FUNCTION_NAME(CodeInputArchive& ar, cereal::BinaryData<T>& bd) {
    ar.loadBinary(bd.data, static_cast<size_t>(bd.size), 1);
}

using Out = CodeOutputArchive;
using In = CodeInputArchive;

void PutString(Out& ar, const std::string& s) {
    // Cut at a character boundary: a UTF-8 sequence is never split.
    size_t cut = std::min<size_t>(s.size(), kMaxString);
    while (cut > 0 && cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    const auto n = static_cast<uint8_t>(cut);
    ar(n);
    ar(cereal::binary_data(s.data(), n));
}

// False when the length is out of bounds (nothing is allocated for it).
bool GetString(In& ar, std::string& s) {
    uint8_t n = 0;
    ar(n);
    s.assign(n, '\0');
    ar(cereal::binary_data(s.data(), n));
    return true;
}

bool GetCount(In& ar, uint16_t& n) {
    ar(n);
    return n <= kMaxList;
}

// Times travel as whole seconds or minutes (uint32 lasts until 2106).
uint32_t Seconds(int64_t ms) {
    return static_cast<uint32_t>(std::max<int64_t>(0, ms / 1000));
}
uint32_t Minutes(int64_t ms) {
    return static_cast<uint32_t>(std::max<int64_t>(0, ms / 60000));
}

// ------------------------------------------------------------------------------ payloads

void Write(Out& ar, const SignUpOffer& o) {
    PutString(ar, o.desk);
    ar(Seconds(o.made_at));
    ar(static_cast<uint16_t>(o.posts.size()));
    for (const OfferedPost& p : o.posts) {
        PutString(ar, p.key);
        PutString(ar, p.name);
        PutString(ar, p.place);
        ar(static_cast<uint16_t>(p.skills.size()));
        for (const std::string& s : p.skills) {
            PutString(ar, s);
        }
        ar(p.test_within_days);
    }
    // Starts as minutes after the previous shift's (shifts are in start order): a week of
    // three-shift posts repeats the same few bytes, which deflate then folds away.
    ar(static_cast<uint16_t>(o.shifts.size()));
    int64_t previous = 0;
    for (const OfferedShift& s : o.shifts) {
        const int64_t start = Minutes(s.start_ms);
        ar(s.post, static_cast<int32_t>(start - previous),
           static_cast<uint16_t>((s.end_ms - s.start_ms) / 60000), s.free, s.max);
        previous = start;
    }
}

bool Read(In& ar, SignUpOffer& o) {
    uint32_t made = 0;
    uint16_t posts = 0;
    if (!GetString(ar, o.desk)) {
        return false;
    }
    ar(made);
    o.made_at = int64_t{made} * 1000;
    if (!GetCount(ar, posts)) {
        return false;
    }
    o.posts.resize(posts);
    for (OfferedPost& p : o.posts) {
        uint16_t skills = 0;
        if (!GetString(ar, p.key) || !GetString(ar, p.name) || !GetString(ar, p.place) ||
            !GetCount(ar, skills)) {
            return false;
        }
        p.skills.resize(skills);
        for (std::string& s : p.skills) {
            if (!GetString(ar, s)) {
                return false;
            }
        }
        ar(p.test_within_days);
    }
    uint16_t shifts = 0;
    if (!GetCount(ar, shifts)) {
        return false;
    }
    o.shifts.resize(shifts);
    int64_t previous = 0;
    for (OfferedShift& s : o.shifts) {
        int32_t delta = 0; // in start order a step forward; any order is allowed
        uint16_t minutes = 0;
        ar(s.post, delta, minutes, s.free, s.max);
        const int64_t start = previous + delta;
        if (s.post >= o.posts.size() || minutes == 0 || start < 0 || start > UINT32_MAX) {
            return false;
        }
        previous = start;
        s.start_ms = int64_t{start} * 60000;
        s.end_ms = s.start_ms + int64_t{minutes} * 60000;
    }
    return true;
}

void Write(Out& ar, const ReplyCode& r) {
    ar(static_cast<uint8_t>(r.kind), r.volunteer_key);
    PutString(ar, r.name);
    PutString(ar, r.phone);
    PutString(ar, r.post_key);
    ar(Minutes(r.shift_start_ms), Seconds(r.at_ms));
    if (r.kind == ReplyKind::CheckIn || r.kind == ReplyKind::CheckOut) {
        ar(r.post_code, static_cast<uint32_t>(std::max<int64_t>(0, r.code_minute)));
    }
}

bool Read(In& ar, ReplyCode& r) {
    uint8_t kind = 0;
    ar(kind, r.volunteer_key);
    if (kind < 1 || kind > 4) {
        return false;
    }
    r.kind = static_cast<ReplyKind>(kind);
    if (!GetString(ar, r.name) || !GetString(ar, r.phone) || !GetString(ar, r.post_key)) {
        return false;
    }
    uint32_t start = 0, at = 0, code_minute = 0;
    ar(start, at);
    if (r.kind == ReplyKind::CheckIn || r.kind == ReplyKind::CheckOut) {
        ar(r.post_code, code_minute); // only a check-in carries the post's code
    }
    r.shift_start_ms = int64_t{start} * 60000;
    r.at_ms = int64_t{at} * 1000;
    r.code_minute = code_minute;
    return true;
}

void Write(Out& ar, const ConfirmationCode& c) {
    ar(c.volunteer_key, Seconds(c.at_ms), static_cast<uint16_t>(c.signups.size()));
    for (const ToldSignUp& s : c.signups) {
        PutString(ar, s.post_key);
        ar(Minutes(s.shift_start_ms), static_cast<uint8_t>(s.state));
    }
}

bool Read(In& ar, ConfirmationCode& c) {
    uint32_t at = 0;
    uint16_t n = 0;
    ar(c.volunteer_key, at);
    c.at_ms = int64_t{at} * 1000;
    if (!GetCount(ar, n)) {
        return false;
    }
    c.signups.resize(n);
    for (ToldSignUp& s : c.signups) {
        uint32_t start = 0;
        uint8_t state = 0;
        if (!GetString(ar, s.post_key)) {
            return false;
        }
        ar(start, state);
        if (state < 1 || state > 4) {
            return false;
        }
        s.shift_start_ms = int64_t{start} * 60000;
        s.state = static_cast<ToldState>(state);
    }
    return true;
}

void Write(Out& ar, const PostCheckInCode& p) {
    PutString(ar, p.post_key);
    ar(static_cast<uint32_t>(p.minute), p.code);
}

bool Read(In& ar, PostCheckInCode& p) {
    uint32_t minute = 0;
    if (!GetString(ar, p.post_key)) {
        return false;
    }
    ar(minute, p.code);
    p.minute = minute;
    return p.code < 1'000'000;
}

// ------------------------------------------------------------------------------- framing

uint32_t Checksum(std::string_view prefix, std::string_view payload) {
    return static_cast<uint32_t>(Fnv1a64(payload, Fnv1a64(prefix)));
}

// Format 2: the archive deflated (the link's offer: it travels in a URL and a QR code).
constexpr uint8_t kFormatDeflated = 2;
constexpr size_t kMaxInflated = 256 * 1024;

template <typename T>
std::string Frame(const char* prefix, const T& value, bool grouped, bool deflated = false) {
    std::string archive;
    {
        Out ar(archive);
        Write(ar, value);
    }
    std::string payload(1, static_cast<char>(deflated ? kFormatDeflated : kFormatVersion));
    if (deflated) {
        uLongf size = compressBound(static_cast<uLong>(archive.size()));
        std::string packed(size, '\0');
        if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                      reinterpret_cast<const Bytef*>(archive.data()),
                      static_cast<uLong>(archive.size()), Z_BEST_COMPRESSION) == Z_OK) {
            packed.resize(size);
            archive = std::move(packed);
        } else {
            payload[0] = static_cast<char>(kFormatVersion);
        }
    }
    payload += archive;
    const uint32_t sum = Checksum(prefix, payload);
    std::string bytes = payload;
    for (int shift = 24; shift >= 0; shift -= 8) {
        bytes += static_cast<char>((sum >> shift) & 0xFF);
    }
    const std::string body = Base32Encode(bytes);
    std::string out = prefix;
    if (!grouped) {
        return out + body;
    }
    for (size_t i = 0; i < body.size(); i += 4) {
        out += '-';
        out += body.substr(i, 4);
    }
    return out;
}

// The known prefixes; a code of another kind is told apart from a non-code.
constexpr const char* kPrefixes[] = {"LLS", "LLR", "LLC", "LLP"};

template <typename T>
std::variant<T, CodeError> Unframe(const char* prefix, std::string_view text) {
    // Trim, and accept a whole link or a pasted message around the code.
    std::string cleaned;
    for (const char c : text) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            cleaned += c;
        }
    }
    if (cleaned.empty()) {
        return CodeError::Empty;
    }
    if (cleaned.size() > kMaxCodeChars) {
        return CodeError::NotACode;
    }
    std::string upper = cleaned;
    for (char& c : upper) {
        c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    // The last one: the code's own characters hold no L, a link's host may.
    size_t at = upper.rfind(prefix);
    if (at == std::string::npos) {
        for (const char* other : kPrefixes) {
            if (std::strcmp(other, prefix) != 0 && upper.find(other) != std::string::npos) {
                return CodeError::WrongKind;
            }
        }
        return CodeError::NotACode;
    }
    std::string_view body = std::string_view(cleaned).substr(at + std::strlen(prefix));
    // The code ends at the first character that cannot be in it (a link's "&", a quote).
    size_t end = 0;
    while (end < body.size() && (body[end] == '-' || Base32Value(body[end]) >= 0)) {
        ++end;
    }
    body = body.substr(0, end);
    std::string bytes;
    if (!Base32Decode(body, bytes) || bytes.size() < 6) {
        return CodeError::NotACode;
    }
    const std::string payload = bytes.substr(0, bytes.size() - 4);
    uint32_t sum = 0;
    for (size_t i = bytes.size() - 4; i < bytes.size(); ++i) {
        sum = (sum << 8) | static_cast<unsigned char>(bytes[i]);
    }
    if (sum != Checksum(prefix, payload)) {
        return CodeError::Mistyped;
    }
    std::string content = payload.substr(1);
    if (static_cast<uint8_t>(payload[0]) == kFormatDeflated) {
        // Inflated into a bounded buffer: a bomb is refused, never unpacked without end.
        uLongf size = kMaxInflated;
        std::string inflated(kMaxInflated, '\0');
        if (uncompress(reinterpret_cast<Bytef*>(inflated.data()), &size,
                       reinterpret_cast<const Bytef*>(content.data()),
                       static_cast<uLong>(content.size())) != Z_OK) {
            return CodeError::Damaged;
        }
        inflated.resize(size);
        content = std::move(inflated);
    } else if (static_cast<uint8_t>(payload[0]) != kFormatVersion) {
        return CodeError::Damaged;
    }
    T value;
    {
        In ar(content);
        if (!Read(ar, value) || ar.overrun()) {
            return CodeError::Damaged;
        }
    }
    return value;
}

} // namespace

std::string EncodeOffer(const SignUpOffer& offer) {
    return Frame("LLS", offer, false, true);
}
std::string EncodeReply(const ReplyCode& reply) {
    return Frame("LLR", reply, true);
}
std::string EncodeConfirmation(const ConfirmationCode& confirmation) {
    return Frame("LLC", confirmation, true);
}
std::string EncodePostCheckIn(const PostCheckInCode& code) {
    return Frame("LLP", code, false);
}

std::variant<SignUpOffer, CodeError> DecodeOffer(std::string_view text) {
    return Unframe<SignUpOffer>("LLS", text);
}
std::variant<ReplyCode, CodeError> DecodeReply(std::string_view text) {
    return Unframe<ReplyCode>("LLR", text);
}
std::variant<ConfirmationCode, CodeError> DecodeConfirmation(std::string_view text) {
    return Unframe<ConfirmationCode>("LLC", text);
}
std::variant<PostCheckInCode, CodeError> DecodePostCheckIn(std::string_view text) {
    return Unframe<PostCheckInCode>("LLP", text);
}

// ---------------------------------------------------------------------------- post codes

uint32_t PostCodeFor(std::string_view post_secret, std::string_view post_key, int64_t minute) {
    std::string input(post_secret);
    input += '|';
    input += post_key;
    input += '|';
    input += std::to_string(minute);
    return static_cast<uint32_t>(Fnv1a64(input) % 1'000'000);
}

bool PostCodeMatches(std::string_view post_secret, std::string_view post_key, int64_t minute,
                     uint32_t code, int slack) {
    for (int d = -slack; d <= slack; ++d) {
        if (PostCodeFor(post_secret, post_key, minute + d) == code) {
            return true;
        }
    }
    return false;
}

} // namespace linli
