// The codes that carry sign-ups over WeChat: every kind round-trips, a mistyped character
// is refused by the checksum, a code of another kind or none of ours is told apart, and
// hostile bytes with a valid checksum never allocate without bound or crash.
#include <doctest/doctest.h>

#include <random>

#include "base/hash.hpp"
#include "io/volunteer_codes.hpp"

#include <zlib.h>

using namespace linli;

namespace {

ReplyCode SampleReply() {
    ReplyCode r;
    r.kind = ReplyKind::SignUp;
    r.volunteer_key = 0x1234'5678'9ABC'DEF0ULL;
    r.name = "王小燚";
    r.phone = "13800138000";
    r.post_key = "mh3k2a-ab12-1";
    r.shift_start_ms = 1'796'000'400'000; // whole minutes
    r.at_ms = 1'795'990'000'000;          // whole seconds
    return r;
}

// A character of the code replaced by another of the alphabet.
std::string Mistype(std::string code, size_t at) {
    const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    char& c = code[at];
    c = alphabet[(alphabet.find(c) + 7) % alphabet.size()];
    return code;
}

} // namespace

TEST_CASE("base32 round-trips any bytes and reads O, I and L as digits") {
    std::mt19937 rng(7);
    for (int n = 0; n < 40; ++n) {
        std::string bytes(static_cast<size_t>(n), '\0');
        for (char& c : bytes) {
            c = static_cast<char>(rng() & 0xFF);
        }
        std::string back;
        REQUIRE(Base32Decode(Base32Encode(bytes), back));
        CHECK(back == bytes);
    }
    std::string a, b;
    REQUIRE(Base32Decode("10-10", a));
    REQUIRE(Base32Decode("lo io", b));
    CHECK(a == b);
    CHECK_FALSE(Base32Decode("AB#C", a));
}

TEST_CASE("a reply code round-trips, in groups of four, and survives case and spaces") {
    const ReplyCode r = SampleReply();
    const std::string code = EncodeReply(r);
    CHECK(code.rfind("LLR-", 0) == 0);
    MESSAGE("a reply code: " << code.size() << " characters");
    CHECK(code.size() < 140); // one message to copy
    auto back = DecodeReply(code);
    REQUIRE(std::holds_alternative<ReplyCode>(back));
    CHECK(std::get<ReplyCode>(back) == r);
    std::string messy = "回执码： " + code + " 谢谢";
    for (char& c : messy) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto again = DecodeReply(messy);
    REQUIRE(std::holds_alternative<ReplyCode>(again));
    CHECK(std::get<ReplyCode>(again) == r);
}

TEST_CASE("every single mistyped character of a reply code is refused") {
    const std::string code = EncodeReply(SampleReply());
    int refused = 0, positions = 0;
    for (size_t i = 4; i < code.size(); ++i) {
        if (code[i] == '-') {
            continue;
        }
        ++positions;
        auto r = DecodeReply(Mistype(code, i));
        refused += std::holds_alternative<CodeError>(r) ? 1 : 0;
    }
    CHECK(refused == positions);
    auto r = DecodeReply(Mistype(code, 10));
    REQUIRE(std::holds_alternative<CodeError>(r));
    CHECK(std::get<CodeError>(r) == CodeError::Mistyped);
}

TEST_CASE("codes of another kind, none of ours, or nothing are told apart") {
    ConfirmationCode c;
    c.volunteer_key = 42;
    c.at_ms = 1'795'990'000'000;
    c.signups = {{"mh3k2a-ab12-1", 1'796'000'400'000, ToldState::Waitlist},
                 {"mh3k2a-ab12-1", 1'796'029'200'000, ToldState::Confirmed}};
    const std::string confirmation = EncodeConfirmation(c);
    auto back = DecodeConfirmation(confirmation);
    REQUIRE(std::holds_alternative<ConfirmationCode>(back));
    CHECK(std::get<ConfirmationCode>(back) == c);
    CHECK(std::get<CodeError>(DecodeReply(confirmation)) == CodeError::WrongKind);
    CHECK(std::get<CodeError>(DecodeReply("")) == CodeError::Empty);
    CHECK(std::get<CodeError>(DecodeReply("  \n ")) == CodeError::Empty);
    CHECK(std::get<CodeError>(DecodeReply("你好，我报名")) == CodeError::NotACode);
    CHECK(std::get<CodeError>(DecodeReply("LLR-")) == CodeError::NotACode);
}

TEST_CASE("an offer with a week of three posts fits a link and round-trips") {
    SignUpOffer offer;
    offer.desk = "ab12";
    offer.made_at = 1'795'990'000'000;
    for (int p = 0; p < 3; ++p) {
        offer.posts.push_back(
            {"mh3k2a-ab12-" + std::to_string(p), "东门卡口", "小区东门",
             p == 1 ? std::vector<std::string>{"medical"} : std::vector<std::string>{},
             static_cast<uint16_t>(p == 2 ? 2 : 0)});
        for (int s = 0; s < 21; ++s) {
            const int64_t start = 1'796'000'400'000 + int64_t{s} * 8 * 3'600'000;
            offer.shifts.push_back({static_cast<uint16_t>(p), start, start + 8 * 3'600'000,
                                    static_cast<uint8_t>(s % 3), 2});
        }
    }
    const std::string code = EncodeOffer(offer);
    MESSAGE("a week of 3 posts x 3 shifts: " << code.size() << " characters");
    CHECK(code.size() < 1500);
    auto back = DecodeOffer("https://example.org/linli/#v=" + code);
    REQUIRE(std::holds_alternative<SignUpOffer>(back));
    CHECK(std::get<SignUpOffer>(back) == offer);
}

TEST_CASE("a post's check-in code changes every minute and is checked with slack") {
    const std::string secret = "S3CRET";
    const uint32_t now = PostCodeFor(secret, "post-1", 29'933'000);
    CHECK(now < 1'000'000);
    CHECK(PostCodeFor(secret, "post-1", 29'933'001) != now);
    CHECK(PostCodeFor("OTHER", "post-1", 29'933'000) != now);
    CHECK(PostCodeMatches(secret, "post-1", 29'933'002, now));
    CHECK_FALSE(PostCodeMatches(secret, "post-1", 29'933'010, now));
    const PostCheckInCode shown{"post-1", 29'933'000, now};
    auto back = DecodePostCheckIn(EncodePostCheckIn(shown));
    REQUIRE(std::holds_alternative<PostCheckInCode>(back));
    CHECK(std::get<PostCheckInCode>(back) == shown);
}

TEST_CASE("hostile payloads with a valid checksum are refused, not trusted") {
    // Frame arbitrary bytes the way the encoder does, so the checksum passes and the
    // content reaches the reader: huge lengths, counts, truncation, random bytes.
    auto frame = [](const char* prefix, const std::string& payload) {
        std::string bytes(1, '\x01');
        bytes += payload;
        const uint32_t sum =
            static_cast<uint32_t>(Fnv1a64(bytes, Fnv1a64(std::string_view(prefix))));
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes += static_cast<char>((sum >> shift) & 0xFF);
        }
        return std::string(prefix) + Base32Encode(bytes);
    };
    // Endianness byte, a string length of 255 with nothing after it.
    CHECK(std::get<CodeError>(DecodeOffer(frame("LLS", std::string("\x01\xFF", 2)))) ==
          CodeError::Damaged);
    // An offer claiming 65,535 posts.
    CHECK(std::get<CodeError>(DecodeOffer(frame(
              "LLS", std::string("\x01\x00\x00\x00\x00\x00\xFF\xFF", 8)))) == CodeError::Damaged);
    // A valid start cut short.
    const std::string good = EncodeReply(SampleReply());
    std::string bytes;
    REQUIRE(Base32Decode(good.substr(3), bytes));
    const std::string payload = bytes.substr(1, bytes.size() - 5);
    CHECK(std::get<CodeError>(DecodeReply(frame("LLR", payload.substr(0, payload.size() / 2)))) ==
          CodeError::Damaged);
    std::mt19937 rng(11);
    int decoded = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string noise(static_cast<size_t>(rng() % 200), '\0');
        for (char& c : noise) {
            c = static_cast<char>(rng() & 0xFF);
        }
        for (const char* prefix : {"LLS", "LLR", "LLC", "LLP"}) {
            const std::string code = frame(prefix, noise);
            decoded += std::holds_alternative<SignUpOffer>(DecodeOffer(code)) ? 1 : 0;
            decoded += std::holds_alternative<ReplyCode>(DecodeReply(code)) ? 1 : 0;
            decoded += std::holds_alternative<ConfirmationCode>(DecodeConfirmation(code)) ? 1 : 0;
            decoded += std::holds_alternative<PostCheckInCode>(DecodePostCheckIn(code)) ? 1 : 0;
        }
    }
    MESSAGE(decoded << " of 32000 random framed payloads read as some code");
    CHECK(decoded < 320); // a rare fit is possible (a post code is short), not a rule
}

TEST_CASE("the link's offer is deflated: a week of ten posts fits, a bomb is refused") {
    SignUpOffer offer;
    offer.desk = "ab12";
    offer.made_at = 1'795'990'000'000;
    for (int p = 0; p < 10; ++p) {
        offer.posts.push_back(
            {"mh3k2a-ab12-" + std::to_string(p), "卡口" + std::to_string(p), "小区门", {}, 0});
    }
    for (int s = 0; s < 21; ++s) {
        for (int p = 0; p < 10; ++p) {
            const int64_t start = 1'796'000'400'000 + int64_t{s} * 8 * 3'600'000;
            offer.shifts.push_back({static_cast<uint16_t>(p), start, start + 8 * 3'600'000,
                                    static_cast<uint8_t>((s + p) % 3), 3});
        }
    }
    const std::string code = EncodeOffer(offer);
    MESSAGE("a week of 10 posts x 3 shifts (210 shifts): " << code.size() << " characters");
    CHECK(code.size() < 1200);
    auto back = DecodeOffer(code);
    REQUIRE(std::holds_alternative<SignUpOffer>(back));
    CHECK(std::get<SignUpOffer>(back) == offer);

    // Format 2 (deflated) holding 1 MB of zeros: refused, not unpacked without end.
    std::string zeros(1 << 20, '\0');
    uLongf size = compressBound(static_cast<uLong>(zeros.size()));
    std::string packed(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                      reinterpret_cast<const Bytef*>(zeros.data()),
                      static_cast<uLong>(zeros.size()), 9) == Z_OK);
    packed.resize(size);
    std::string bytes(1, '\x02');
    bytes += packed;
    const uint32_t sum = static_cast<uint32_t>(Fnv1a64(bytes, Fnv1a64(std::string_view("LLS"))));
    for (int shift = 24; shift >= 0; shift -= 8) {
        bytes += static_cast<char>((sum >> shift) & 0xFF);
    }
    CHECK(std::get<CodeError>(DecodeOffer("LLS" + Base32Encode(bytes))) == CodeError::Damaged);
}
