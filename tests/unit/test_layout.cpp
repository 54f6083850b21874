#include <doctest/doctest.h>

#include "app/shell/layout.hpp"

using namespace linli;

TEST_CASE("phones get a bottom bar, laptops a left rail") {
    CHECK(ChooseNavStyle(390, 844) == NavStyle::BottomBar);
    CHECK(ChooseNavStyle(360, 640) == NavStyle::BottomBar);
    CHECK(ChooseNavStyle(1280, 800) == NavStyle::LeftRail);
    CHECK(ChooseNavStyle(768, 1024) == NavStyle::LeftRail); // tablet portrait
    CHECK(ChooseNavStyle(844, 390) == NavStyle::LeftRail);  // phone landscape
    CHECK(ChooseNavStyle(600, 700) == NavStyle::BottomBar);
}

TEST_CASE("content leaves room for the navigation") {
    const Metrics m;
    const ContentBox phone = ContentArea(NavStyle::BottomBar, 390, 844, m);
    CHECK(phone.x == 0);
    CHECK(phone.w == 390);
    CHECK(phone.h == doctest::Approx(844 - m.bottom_bar_height));
    const ContentBox laptop = ContentArea(NavStyle::LeftRail, 1280, 800, m);
    CHECK(laptop.x >= m.rail_width);
    CHECK(laptop.w == doctest::Approx(m.max_column_width + 2 * m.padding));
    CHECK(laptop.x + laptop.w <= 1280);
    // Centred in the space right of the rail.
    CHECK(laptop.x - m.rail_width == doctest::Approx(1280 - laptop.x - laptop.w));
    const ContentBox tiny = ContentArea(NavStyle::BottomBar, 200, 30, m);
    CHECK(tiny.h == 0);
}

TEST_CASE("sizes keep the promises: 44 px targets, 16 px body text") {
    const Metrics m;
    CHECK(m.touch_target >= 44.0f);
    CHECK(m.bottom_bar_height >= 44.0f);
    CHECK(m.body_font / kFontHeightPerEm >= 16.0f);
}
