#include "app/shell/layout.hpp"

#include <algorithm>

namespace linli {

NavStyle ChooseNavStyle(float width_css, float height_css) {
    // A phone in landscape (844x390) is wide but short: a rail wastes less height there.
    if (width_css >= 720.0f || (width_css > height_css && height_css < 500.0f)) {
        return NavStyle::LeftRail;
    }
    return NavStyle::BottomBar;
}

ContentBox ContentArea(NavStyle style, float width_css, float height_css, const Metrics& m) {
    ContentBox box{0.0f, 0.0f, width_css, height_css};
    if (style == NavStyle::BottomBar) {
        box.h = std::max(0.0f, height_css - m.bottom_bar_height);
    } else {
        box.x = m.rail_width;
        box.w = std::max(0.0f, width_css - m.rail_width);
    }
    const float column = m.max_column_width + 2.0f * m.padding;
    if (box.w > column) {
        box.x += (box.w - column) * 0.5f;
        box.w = column;
    }
    return box;
}

} // namespace linli
