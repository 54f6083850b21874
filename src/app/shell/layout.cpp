#include "app/shell/layout.hpp"

#include <algorithm>

namespace linli {

Metrics MetricsFor(TextSize size) {
    const float scale = size == TextSize::Large ? 1.2f : size == TextSize::ExtraLarge ? 1.4f : 1.0f;
    Metrics m;
    const float standard_body = m.body_font;
    m.body_font *= scale;
    m.heading_font *= scale;
    // The same padding around a larger line: a target never shrinks below 48 px.
    m.touch_target += m.body_font - standard_body;
    return m;
}

std::string_view TextSizeCode(TextSize size) {
    switch (size) {
    case TextSize::Standard:
        break;
    case TextSize::Large:
        return "large";
    case TextSize::ExtraLarge:
        return "xlarge";
    }
    return "standard";
}

TextSize TextSizeFromCode(std::string_view code) {
    if (code == "large") {
        return TextSize::Large;
    }
    if (code == "xlarge") {
        return TextSize::ExtraLarge;
    }
    return TextSize::Standard;
}

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
