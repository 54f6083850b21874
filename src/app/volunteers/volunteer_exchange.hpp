#pragma once
// Sign-ups over sync: the codes a WeChat chat carries between a volunteer's phone and the
// desk (io/volunteer_codes.hpp), as documents in the volunteers' database (docs/sync.md).
// They say no more than the codes do: no roster, no one else's phone, no ID numbers.
//   voffer:<desk tag>                     {code}      staff: this desk's open shifts
//   vconfirm:<volunteer key>@<desk tag>   {code}      staff: one volunteer's sign-up states
//   vsignup:<user>:<post key>@<start ms>  {by, code}  a volunteer's phone: its latest reply
//                                                     code for that shift
// The server lets a volunteer write only vsignup:<own user name>:… with by = that name.
// Staff devices publish the first two and import the third; a phone does the reverse. These
// types travel through the volunteers' database only, never the staff one.
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "app/volunteers/shifts_service.hpp"
#include "app/writer.hpp"

namespace linli {

class VolunteerExchange {
  public:
    VolunteerExchange(Writer& writer, ShiftsService& shifts) : writer_(writer), shifts_(shifts) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);

    static bool IsExchangeId(std::string_view id);
    // What each side takes from and gives to the volunteers' database.
    static bool StaffPulls(std::string_view id);
    static bool StaffPushes(std::string_view id);
    static bool PhonePulls(std::string_view id);
    static std::function<bool(std::string_view)> PhonePushes(std::string user);

    // Staff: imports sign-up codes not seen yet, then publishes this desk's offer and the
    // confirmations that changed. Phone (as `user`): applies the newest confirmation and
    // writes its reply codes. Cheap when nothing changed; true when it wrote.
    bool StepStaff(int64_t now_ms);
    bool StepPhone(std::string_view user, int64_t now_ms);

    // When a pass is due next (the main loop wakes for it).
    int64_t NextPassMs() const;

    // The open shifts a desk publishes (those of the next days, as a sign-up link carries).
    static constexpr int kOfferDays = 7;

  private:
    bool Due(int64_t now_ms);
    bool PutCode(const std::string& id, store::Json body);

    Writer& writer_;
    ShiftsService& shifts_;
    uint64_t seen_sequence_ = ~0ULL;
    int64_t last_pass_ms_ = 0;
    std::set<std::string> imported_; // "<id>@<rev>" of vsignup/vconfirm documents applied
};

} // namespace linli
