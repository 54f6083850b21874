// The 接龙 chain parser (core/supplies/jielong): the header's offers, the entries, and the
// orders made from them; then the same text against the offers it found (a round already
// open). Entries name lines of the text, and valid UTF-8 in gives valid UTF-8 out.
#include <algorithm>

#include "core/supplies/jielong.hpp"
#include "fuzz_support.hpp"

using namespace linli;

namespace {

void CheckPost(const JielongPost& post, std::string_view text, bool utf8) {
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const JielongEntry& e : post.entries) {
        fuzz::Check(e.line >= 1 && e.line <= lines, "an entry's line is in the text");
        for (const JielongItem& item : e.items) {
            fuzz::Check(item.quantity >= 0, "a quantity is not negative");
        }
        if (utf8) {
            fuzz::Check(fuzz::IsValidUtf8(e.text) && fuzz::IsValidUtf8(e.name) &&
                            fuzz::IsValidUtf8(e.note),
                        "an entry's text is valid UTF-8");
        }
    }
    if (utf8) {
        fuzz::Check(fuzz::IsValidUtf8(post.title), "the title is valid UTF-8");
        for (const Offer& o : post.offers) {
            fuzz::Check(fuzz::IsValidUtf8(o.code) && fuzz::IsValidUtf8(o.name) &&
                            fuzz::IsValidUtf8(o.spec) && fuzz::IsValidUtf8(o.unit),
                        "an offer's text is valid UTF-8");
        }
    }
    const std::vector<JielongOrder> orders = OrdersFromJielong(post);
    fuzz::Check(orders.size() <= post.entries.size(), "no more orders than entries");
    for (const JielongOrder& order : orders) {
        fuzz::Check(!order.entries.empty(), "an order comes from an entry");
        if (utf8) {
            fuzz::Check(fuzz::IsValidUtf8(order.name) && fuzz::IsValidUtf8(order.note),
                        "an order's text is valid UTF-8");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::AsText(data, size);
    const bool utf8 = fuzz::IsValidUtf8(text);
    const JielongPost post = ParseJielong(text);
    CheckPost(post, text, utf8);
    for (const Offer& offer : post.offers) {
        (void)OfferAliases(offer);
    }
    if (!post.offers.empty()) {
        CheckPost(ParseJielong(text, post.offers), text, utf8);
    }
    return 0;
}
