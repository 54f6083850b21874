#pragma once
// The UI font: a Latin font with the first Chinese slice (the UI's own characters) merged
// under it (Dear ImGui 1.92 bakes glyphs on demand at the display's pixel density). The
// rest of the Chinese font comes in slices (tools/font_slices.py): a character missing from
// every slice loaded so far is noted, asked for once (TakeMissingGlyphs), and drawn when
// the slice holding it arrives (AddSlice); meanwhile the rest of the text renders.
#include <cstddef>
#include <cstdint>
#include <imgui.h>
#include <imgui_internal.h>
#include <unordered_set>
#include <vector>

namespace linli {

// What Settings says about the fonts.
enum class FontSlicesState { NoneNeeded, Loading, Loaded, Failed };

class FontSet {
  public:
    // Font bytes are copied. Returns false when a font cannot be read.
    bool Load(ImGuiIO& io, const unsigned char* latin, size_t latin_size,
              const unsigned char* cjk_first, size_t cjk_first_size, float size_px);
    // Merges one more Chinese slice in; call between frames. Glyphs noted missing are
    // looked up again.
    bool AddSlice(const unsigned char* data, size_t size);
    // The page has nothing on its way any more; failed_slices of them could not be fetched.
    void SlicesSettled(int failed_slices);

    // The codepoints drawn but missing since the last call, each returned once ever.
    std::vector<uint32_t> TakeMissingGlyphs();
    FontSlicesState State() const;
    int SlicesLoaded() const { return slices_loaded_; }
    ImFont* Main() const { return main_; }

    // Called by the glyph loader hook.
    void NoteMissing(unsigned int codepoint);

  private:
    ImFontAtlas* atlas_ = nullptr;
    ImFont* main_ = nullptr;
    ImFontLoader slice_loader_; // stb_truetype, reporting misses
    std::unordered_set<uint32_t> asked_;
    std::vector<uint32_t> missing_;
    int slices_loaded_ = 0;
    int failed_slices_ = 0;
    bool waiting_ = false; // asked the page, no answer yet
};

} // namespace linli
