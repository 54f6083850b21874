#pragma once
// Touch-sized widgets that also describe themselves to the accessibility mirror.
#include <imgui.h>
#include <string>

#include "ui/kit/ui_context.hpp"

namespace linli::ui {

// A full-width (width <= 0) or fixed-width button at least one touch target tall.
// printf into a std::string (the catalogs' patterns are printf patterns).
std::string Format(const char* pattern, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

// A back link at the top of a sub-view.
bool BackButton(UiContext& ui, const char* id);

bool TouchButton(UiContext& ui, const char* label, const char* id, float width = 0.0f);

// A button in the primary colour (the main action of a form).
bool PrimaryButton(UiContext& ui, const char* label, const char* id, float width = 0.0f);
// A button in the danger colour (deleting).
bool DangerButton(UiContext& ui, const char* label, const char* id, float width = 0.0f);

// A tappable card (rounded, bordered, highlighted while pressed) of this size at the
// cursor, named `name` in the accessibility mirror; `pos` gets its top-left corner for the
// caller to draw the content. Returns true when tapped. Rows of all kinds build on it.
bool Card(UiContext& ui, float width, float height, const std::string& name, ImVec2& pos);

// A tappable list row with a title and a muted second line; its accessible name is both.
bool ListRow(UiContext& ui, const char* id, const std::string& title, const std::string& detail);

// Text in the danger colour, wrapped, and announced (role "status").
void ErrorText(UiContext& ui, const char* id, const char* text);

// One choice of a segmented control (mirrored as a radio button).
bool SegmentOption(UiContext& ui, const char* label, const char* id, bool selected, float width);

// A full-width yes/no choice, one touch target tall, with a box that shows the state
// (mirrored as a checkbox). Flips value and returns true when tapped.
bool CheckOption(UiContext& ui, const char* label, const char* id, bool& value);

// A labelled single-line text field; typing reaches it from the physical keyboard or the
// page's soft-keyboard bridge (IME, paste). Returns true when the value changed.
bool TextField(UiContext& ui, const char* id, const char* label, const char* hint,
               std::string& value);

// A labelled field whose text shows as dots (a password); the mirror never carries it.
bool PasswordField(UiContext& ui, const char* id, const char* label, const char* hint,
                   std::string& value);

// The same field without the label line (the hint shows in the empty field; the label is
// still its accessible name), for a row with buttons beside it. width: as ImGui's.
bool InlineTextField(UiContext& ui, const char* id, const char* label, const char* hint,
                     std::string& value, float width);

// A text box of several lines (a pasted chain); Enter types a line break.
bool TextArea(UiContext& ui, const char* id, const char* label, const char* hint,
              std::string& value, float height);

// A quantity between − and + buttons beside a label (wrapped to fit), one touch target
// tall; the buttons are named less_name and more_name for screen readers and stop at
// min and max. Returns true when the value changed.
bool Stepper(UiContext& ui, const char* id, const std::string& label, int& value, int min, int max,
             const std::string& less_name, const std::string& more_name);
void Heading(UiContext& ui, const char* text);
void SectionTitle(UiContext& ui, const char* text);
void MutedText(const char* text);
// Muted text that is also a live status for screen readers (role "status" in the mirror).
// colour 0: muted.
void StatusText(UiContext& ui, const char* id, const char* text, unsigned int colour = 0);

// Lets a finger (or a mouse) drag the current window's content to scroll it; a drag
// cancels the press so the item under the finger is not activated.
void DragToScroll();

} // namespace linli::ui
