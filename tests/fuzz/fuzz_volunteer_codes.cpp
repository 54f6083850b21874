// The volunteer codes (io/volunteer_codes): offer, reply, confirmation and post check-in.
// The input is tried as typed text with each decoder, and also framed as a code of the kind
// its first byte names (the checksum made here, the archive deflated for an offer), so that
// the payload readers are reached past the checksum. Whatever decodes, encoded again,
// decodes to the same value.
#include <string>
#include <variant>
#include <zlib.h>

#include "base/hash.hpp"
#include "fuzz_support.hpp"
#include "io/volunteer_codes.hpp"

using namespace linli;

namespace {

template <typename T, typename Decode, typename Encode>
void RoundTrip(std::string_view text, Decode decode, Encode encode) {
    const auto decoded = decode(text);
    if (const T* value = std::get_if<T>(&decoded)) {
        const std::string again = encode(*value);
        const auto back = decode(again);
        fuzz::Check(std::holds_alternative<T>(back), "a decoded code re-encodes to a code");
        fuzz::Check(std::get<T>(back) == *value, "a re-encoded code decodes to the same");
    }
}

void DecodeAll(std::string_view text) {
    RoundTrip<SignUpOffer>(text, DecodeOffer, EncodeOffer);
    RoundTrip<ReplyCode>(text, DecodeReply, EncodeReply);
    RoundTrip<ConfirmationCode>(text, DecodeConfirmation, EncodeConfirmation);
    RoundTrip<PostCheckInCode>(text, DecodePostCheckIn, EncodePostCheckIn);
}

// The code's framing (volunteer_codes.cpp Frame): a format byte (1 plain, 2 deflated), the
// archive, a 32-bit FNV-1a checksum seeded with the prefix, all in Crockford base32.
std::string Framed(const char* prefix, std::string_view archive, bool deflate) {
    std::string payload(1, static_cast<char>(deflate ? 2 : 1));
    if (deflate) {
        uLongf n = compressBound(static_cast<uLong>(archive.size()));
        std::string packed(n, '\0');
        if (compress2(reinterpret_cast<Bytef*>(packed.data()), &n,
                      reinterpret_cast<const Bytef*>(archive.data()),
                      static_cast<uLong>(archive.size()), Z_BEST_SPEED) != Z_OK) {
            return {};
        }
        packed.resize(n);
        payload += packed;
    } else {
        payload += archive;
    }
    const auto sum = static_cast<uint32_t>(Fnv1a64(payload, Fnv1a64(prefix)));
    for (int shift = 24; shift >= 0; shift -= 8) {
        payload += static_cast<char>((sum >> shift) & 0xFF);
    }
    return prefix + Base32Encode(payload);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::AsText(data, size);
    DecodeAll(text);
    if (size == 0) {
        return 0;
    }
    // A little-endian archive (its first byte says so), then the payload the fuzzer wrote.
    const uint8_t choice = data[0];
    std::string archive(1, '\1');
    archive.append(text.substr(1));
    static const char* const kPrefixes[] = {"LLS", "LLR", "LLC", "LLP"};
    const bool deflate = (choice & 4) != 0;
    if ((choice & 8) != 0) {
        archive[0] = '\0'; // as a big-endian machine would have written it
    }
    const std::string code = Framed(kPrefixes[choice & 3], archive, deflate);
    DecodeAll(code);
    return 0;
}
