#pragma once
#include <imgui.h>

#include "app/shell/layout.hpp"

namespace linli {

// Colours: a light theme with strong contrast for sunlight on a phone.
namespace colors {
constexpr ImU32 kPrimary = IM_COL32(0x0B, 0x6E, 0x4F, 0xFF); // deep green
constexpr ImU32 kPrimarySoft = IM_COL32(0xDD, 0xF1, 0xE8, 0xFF);
constexpr ImU32 kText = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
constexpr ImU32 kTextMuted = IM_COL32(0x5A, 0x5F, 0x66, 0xFF);
constexpr ImU32 kSurface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 kBackground = IM_COL32(0xF4, 0xF5, 0xF7, 0xFF);
constexpr ImU32 kBorder = IM_COL32(0xD0, 0xD4, 0xDA, 0xFF);
constexpr ImU32 kDanger = IM_COL32(0xB4, 0x23, 0x18, 0xFF);
constexpr ImU32 kDangerSoft = IM_COL32(0xFB, 0xE9, 0xE7, 0xFF);
constexpr ImU32 kWarning = IM_COL32(0xA3, 0x4B, 0x00, 0xFF); // needs a home visit
constexpr ImU32 kInfo = IM_COL32(0x1F, 0x4E, 0x9A, 0xFF);    // away, exempt
constexpr ImU32 kProgress = IM_COL32(0x2E, 0x9E, 0x6E, 0xFF);
} // namespace colors

void ApplyTheme(ImGuiStyle& style, const Metrics& m);

} // namespace linli
