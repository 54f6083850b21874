#pragma once
// A WeChat group-buy chain (接龙) as residents answer it, pasted in as text:
//
//   #接龙
//   幸福里小区 第3期 保供团购            <- title
//   1号 蔬菜包 约6斤 39.9元/份            <- offers (a price makes a line an offer)
//   3号 牛奶 24盒 59元/箱  每户限2箱
//   周三晚上9点截单                        <- other header text
//
//   1. 1-1-102 魏华芳 1号×1               <- entries: number, address, name, items, note
//   4、1-2-202 史淼妤 1号*2
//   9. 2号楼2单元202室 谢建 2号 两份
//   16. 2-1-302 侯丽静 改成3号×2           <- a change of that household's order
//   18. 3-2-401 孙燕涵 取消                <- a cancellation
//
// Parsing is pure; matching households to the roster and writing orders is the app's.
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/address.hpp"
#include "core/supplies/group_buy.hpp"

namespace linli {

struct JielongItem {
    std::string code; // the offer's code
    int quantity = 1;
    bool operator==(const JielongItem&) const = default;
};

enum class JielongEdit { None, Change, Cancel };
enum class JielongProblem { None, NoAddress, NoItems };

struct JielongEntry {
    size_t line = 0;  // 1-based line of the pasted text
    int number = 0;   // the entry's own number
    std::string text; // the line as pasted
    AddressParts address;
    std::string name;
    std::vector<JielongItem> items;
    std::string note; // what else the entry says ("放门口就行", "独居老人")
    JielongEdit edit = JielongEdit::None;
    JielongProblem problem = JielongProblem::None;
};

struct JielongPost {
    std::string title;
    std::vector<Offer> offers;            // read from the header
    std::vector<std::string> header_text; // header lines that are no offer (cut-off, ...)
    std::vector<JielongEntry> entries;
};

// Reads a chain. Offers come from `known` when it is not empty (a round already open),
// else from the chain's header. Full-width digits and punctuation are read as ASCII.
JielongPost ParseJielong(std::string_view text, const std::vector<Offer>& known = {});

// What names an offer in entries: its code ("1号", "A套餐"), its name ("蔬菜包"), and for
// a lettered pack the letter ("A") and "<price>元套餐" ("58元套餐").
std::vector<std::string> OfferAliases(const Offer& offer);

// The chain's orders, one per household, in the order households first appear: later
// entries of the same household add lines (a duplicate of an earlier entry adds nothing),
// a change sets the quantities of the items it names (of the only item when it names
// none), a cancellation cancels the order (or only the items it names).
struct JielongOrder {
    AddressParts address;
    std::string name;
    std::vector<OrderLine> lines;
    std::string note;
    std::vector<int> entries; // numbers of the entries that made it
    bool cancelled = false;
};
std::vector<JielongOrder> OrdersFromJielong(const JielongPost& post);

} // namespace linli
