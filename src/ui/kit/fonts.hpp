#pragma once
// The UI font: a Latin font with a Chinese subset merged under it (Dear ImGui 1.92 bakes
// glyphs on demand at the display's pixel density), and the full Chinese font merged in
// later when a character outside the subset is drawn.
#include <cstddef>
#include <imgui.h>
#include <imgui_internal.h>

namespace linli {

enum class FullFontState { NotNeeded, Requested, Loaded, Failed };

class FontSet {
  public:
    // Font bytes are copied. Returns false when a font cannot be read.
    bool Load(ImGuiIO& io, const unsigned char* latin, size_t latin_size,
              const unsigned char* cjk_common, size_t cjk_common_size, float size_px);
    // Merges the full Chinese font in; call between frames.
    bool AddFullChinese(const unsigned char* data, size_t size);
    void FullChineseFailed() { state_ = FullFontState::Failed; }

    // True once (per need) after a frame drew a Chinese character missing from the subset.
    bool TakeMissingGlyphRequest();
    FullFontState State() const { return state_; }
    ImFont* Main() const { return main_; }

    // Called by the glyph loader hook.
    void NoteMissing(unsigned int codepoint);

  private:
    ImFontAtlas* atlas_ = nullptr;
    ImFont* main_ = nullptr;
    ImFontLoader subset_loader_; // stb_truetype, reporting misses
    FullFontState state_ = FullFontState::NotNeeded;
    bool missing_ = false;
};

} // namespace linli
