#include "ui/kit/fonts.hpp"

namespace linli {
namespace {

// Wraps stb_truetype's glyph loader for the Chinese subset: a miss there is a miss in
// every source of the font (Latin comes first and has no hanzi).
bool LoadGlyphNotingMisses(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked,
                           void* loader_data, ImWchar codepoint, ImFontGlyph* out_glyph,
                           float* out_advance_x) {
    const ImFontLoader* stb = ImFontAtlasGetFontLoaderForStbTruetype();
    const bool found = stb->FontBakedLoadGlyph(atlas, src, baked, loader_data, codepoint, out_glyph,
                                               out_advance_x);
    if (!found && codepoint >= 0x2E80 && atlas->UserData != nullptr) {
        static_cast<FontSet*>(atlas->UserData)->NoteMissing(codepoint);
    }
    return found;
}

} // namespace

bool FontSet::Load(ImGuiIO& io, const unsigned char* latin, size_t latin_size,
                   const unsigned char* cjk_common, size_t cjk_common_size, float size_px) {
    atlas_ = io.Fonts;
    atlas_->UserData = this;
    subset_loader_ = *ImFontAtlasGetFontLoaderForStbTruetype();
    subset_loader_.LoaderInit = nullptr; // per-source loaders may not own atlas state
    subset_loader_.LoaderShutdown = nullptr;
    subset_loader_.FontBakedLoadGlyph = LoadGlyphNotingMisses;

    ImFontConfig latin_cfg;
    latin_cfg.FontDataOwnedByAtlas = false; // the atlas keeps its own copy
    ImFormatString(latin_cfg.Name, sizeof latin_cfg.Name, "Roboto");
    main_ = atlas_->AddFontFromMemoryTTF(const_cast<unsigned char*>(latin),
                                         static_cast<int>(latin_size), size_px, &latin_cfg);
    if (main_ == nullptr) {
        return false;
    }
    ImFontConfig cjk_cfg;
    cjk_cfg.MergeMode = true;
    cjk_cfg.FontDataOwnedByAtlas = false;
    cjk_cfg.FontLoader = &subset_loader_;
    ImFormatString(cjk_cfg.Name, sizeof cjk_cfg.Name, "Droid Sans Fallback (common)");
    return atlas_->AddFontFromMemoryTTF(const_cast<unsigned char*>(cjk_common),
                                        static_cast<int>(cjk_common_size), size_px,
                                        &cjk_cfg) != nullptr;
}

bool FontSet::AddFullChinese(const unsigned char* data, size_t size) {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.DstFont = main_;
    cfg.FontDataOwnedByAtlas = false;
    ImFormatString(cfg.Name, sizeof cfg.Name, "Droid Sans Fallback (full)");
    if (atlas_->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                     main_->LegacySize, &cfg) == nullptr) {
        state_ = FullFontState::Failed;
        return false;
    }
    // Glyphs already recorded as missing are looked up again with the new source.
    ImFontAtlasFontDiscardBakes(atlas_, main_, 0);
    state_ = FullFontState::Loaded;
    missing_ = false;
    return true;
}

void FontSet::NoteMissing(unsigned int) {
    if (state_ == FullFontState::NotNeeded) {
        missing_ = true;
    }
}

bool FontSet::TakeMissingGlyphRequest() {
    if (!missing_ || state_ != FullFontState::NotNeeded) {
        return false;
    }
    missing_ = false;
    state_ = FullFontState::Requested;
    return true;
}

} // namespace linli
