#pragma once
// Where the app's areas live on screen, decided from the viewport alone.
#include <array>
#include <string_view>

namespace linli {

// The app's areas (ui/shell/areas.cpp has a row for each: label, screen, file handler).
enum class Area { Sampling, Supplies, Volunteers, Leader, Settings };

enum class NavStyle { BottomBar, LeftRail };

// Sizes in CSS pixels. Touch targets are at least 44 px (Apple HIG; Android asks 48 dp).
// Dear ImGui sizes a font by ascent-to-descent height, which for Roboto and Droid Sans is
// 1.17 em: a 20 px ImGui font has a 17 px em, above the 16 px body text we promise.
struct Metrics {
    float body_font = 20.0f;
    float heading_font = 26.0f;
    float max_column_width = 720.0f; // a readable column on wide screens
    float touch_target = 48.0f;
    float bottom_bar_height = 64.0f;
    float rail_width = 112.0f;
    float padding = 16.0f;
};

// The text size chosen in Settings (older staff read better large). Text, headings and
// touch targets grow together; the navigation labels shrink to fit their tabs as before.
enum class TextSize { Standard, Large, ExtraLarge };
Metrics MetricsFor(TextSize size);
// Kept on the device as "standard", "large" or "xlarge"; anything else reads as Standard.
std::string_view TextSizeCode(TextSize size);
TextSize TextSizeFromCode(std::string_view code);

// Phones and narrow windows get the bottom bar; wide windows the left rail.
NavStyle ChooseNavStyle(float width_css, float height_css);

// The area rectangle left for screen content once navigation has its place.
struct ContentBox {
    float x, y, w, h;
};
// On wide screens the content is a centred column of at most m.max_column_width.
ContentBox ContentArea(NavStyle style, float width_css, float height_css, const Metrics& m);

// Ascent-to-descent pixel height of a font whose em is em_px (what CSS calls font-size).
inline constexpr float kFontHeightPerEm = 1.17f;

} // namespace linli
