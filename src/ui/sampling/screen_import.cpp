// Importing the roster staff already keep in Excel/WPS: choose a file, check what each
// column holds (guessed from the headers), import with a progress bar (a batch per frame,
// each batch one durable transaction), then a summary of what was added, updated and
// skipped, and why.
// Sections: field names and skip reasons; DrawPreview (file info, mapping, first rows);
// DrawDone (summary, skipped rows); the file handlers of the sampling area; DrawImportView
// (the phases: choose, preview, writing with progress, done).
#include <cstdlib>
#include <imgui.h>

#include "io/sheet.hpp"
#include "ui/kit/sheet_messages.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {
namespace {

constexpr ImportField kFields[] = {
    ImportField::Ignore,  ImportField::Building, ImportField::Unit,     ImportField::Room,
    ImportField::Address, ImportField::Name,     ImportField::Phone,    ImportField::BirthYear,
    ImportField::Age,     ImportField::IdNumber, ImportField::Relation, ImportField::Flags,
    ImportField::Note};

const char* FieldLabel(const UiContext& ui, ImportField f) {
    switch (f) {
    case ImportField::Ignore:
        return ui.T(SamplingText::ImportSkipColumn);
    case ImportField::Building:
        return ui.T(SamplingText::FieldBuilding);
    case ImportField::Unit:
        return ui.T(SamplingText::FieldUnit);
    case ImportField::Room:
        return ui.T(SamplingText::FieldRoom);
    case ImportField::Address:
        return ui.T(SamplingText::FieldAddress);
    case ImportField::Name:
        return ui.T(ShellText::FieldName);
    case ImportField::Phone:
        return ui.T(ShellText::FieldPhone);
    case ImportField::BirthYear:
        return ui.T(SamplingText::FieldBirthYear);
    case ImportField::Age:
        return ui.T(SamplingText::FieldAge);
    case ImportField::IdNumber:
        return ui.T(SamplingText::FieldIdNumber);
    case ImportField::Relation:
        return ui.T(SamplingText::FieldRelation);
    case ImportField::Flags:
        return ui.T(SamplingText::FieldFlags);
    case ImportField::Note:
        return ui.T(SamplingText::FieldNote);
    }
    return ui.T(SamplingText::FieldNote);
}

std::string FieldName(const UiContext& ui, ImportField f) {
    return FieldLabel(ui, f);
}

const char* SkipReason(const UiContext& ui, const PlannedRow& row, std::string& buf) {
    switch (row.problem) {
    case RowProblem::NoName:
        return ui.T(SamplingText::SkipNoName);
    case RowProblem::NoAddress:
        return ui.T(SamplingText::SkipNoAddress);
    case RowProblem::BadBirthYear:
        return ui.T(SamplingText::SkipBadBirthYear);
    case RowProblem::NameTooLong:
        return ui.T(SamplingText::SkipNameTooLong);
    case RowProblem::DuplicateInFile:
        buf = Format(ui.T(SamplingText::SkipDuplicate), static_cast<int>(row.duplicate_of_line));
        return buf.c_str();
    case RowProblem::None:
        break;
    }
    return "";
}

bool Has(const std::vector<ImportField>& mapping, ImportField f) {
    for (const ImportField m : mapping) {
        if (m == f) {
            return true;
        }
    }
    return false;
}

const char* DelimiterName(const UiContext& ui, char d) {
    return ui.T(d == '\t'  ? SamplingText::EncodingTab
                : d == ';' ? SamplingText::EncodingSemicolon
                           : SamplingText::EncodingComma);
}

void DrawPreview(UiContext& ui, ImportState& im) {
    const std::vector<std::string>& header = im.csv.rows[0].cells;
    const int data_rows = static_cast<int>(im.csv.rows.size()) - 1;
    if (!im.xlsx_sheet.empty()) {
        MutedText(Format(ui.T(SamplingText::ImportXlsxInfo), im.file_name.c_str(), data_rows,
                         im.xlsx_sheet.c_str())
                      .c_str());
    } else {
        MutedText(Format(ui.T(SamplingText::ImportFileInfo), im.file_name.c_str(), data_rows,
                         std::string(TextEncodingName(im.decoded.encoding)).c_str(),
                         DelimiterName(ui, im.csv.delimiter))
                      .c_str());
    }
    if (im.decoded.invalid_sequences > 0) {
        ErrorText(ui, "import-invalid",
                  Format(ui.T(SamplingText::ImportInvalidChars),
                         static_cast<int>(im.decoded.invalid_sequences))
                      .c_str());
    }
    if (im.cleaned_cells > 0) {
        StatusText(
            ui, "import-controls",
            Format(ui.T(SamplingText::ImportControlChars), static_cast<int>(im.cleaned_cells))
                .c_str(),
            colors::kTextMuted);
    }
    const bool has_name = Has(im.mapping, ImportField::Name);
    const bool has_address =
        Has(im.mapping, ImportField::Address) ||
        (Has(im.mapping, ImportField::Building) && Has(im.mapping, ImportField::Room));
    if (!has_name) {
        ErrorText(ui, "import-need-name", ui.T(SamplingText::ImportNeedName));
    } else if (!has_address) {
        ErrorText(ui, "import-need-address", ui.T(SamplingText::ImportNeedAddress));
    }
    ImGui::BeginDisabled(!has_name || !has_address);
    if (PrimaryButton(ui, Format(ui.T(SamplingText::ImportStart), data_rows).c_str(),
                      "import-start")) {
        // Planning 6,000 rows takes a moment on a slow phone: the job plans on its first
        // step, after this frame has shown the progress bar.
        im.job = std::make_shared<RosterImportJob>(ui.data, std::move(im.csv), im.mapping,
                                                   CurrentYear(ui.platform.NowMs()));
        im.csv = CsvResult{};
        ui.data.Jobs().Start(im.job);
        im.phase = ImportPhase::Writing;
    }
    ImGui::EndDisabled();
    // What the first rows become with this mapping: the real check that it is right.
    SectionTitle(ui, ui.T(SamplingText::ImportPreview));
    const int year = CurrentYear(ui.platform.NowMs());
    for (size_t r = 1; r < im.csv.rows.size() && r <= 3; ++r) {
        const ImportRow row =
            ConvertRow(im.csv.rows[r].cells, im.mapping, year, im.csv.rows[r].line);
        std::string line = row.resident.name + "  " + AddressLabel(row.resident, ui.lang);
        if (!row.resident.phone.empty()) {
            line += "  " + MaskPhone(row.resident.phone);
        }
        const std::string flags = FlagsLabel(row.resident.flags, ui.lang);
        if (!flags.empty()) {
            line += "  " + flags;
        }
        ImGui::TextWrapped("%s", line.c_str());
    }
    SectionTitle(ui, ui.T(SamplingText::ImportMapping));
    MutedText(ui.T(SamplingText::ImportMappingExplain));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    for (size_t c = 0; c < header.size() && c < im.mapping.size(); ++c) {
        ImGui::PushID(static_cast<int>(c));
        const std::string title = Format(ui.T(SamplingText::ImportColumn), static_cast<int>(c + 1),
                                         header[c].c_str(), FieldName(ui, im.mapping[c]).c_str());
        std::string sample;
        for (size_t r = 1; r < im.csv.rows.size() && r <= 3; ++r) {
            const auto& cells = im.csv.rows[r].cells;
            if (c < cells.size() && !cells[c].empty()) {
                sample += (sample.empty() ? "" : " / ") + cells[c];
            }
        }
        if (ListRow(ui, "column", title, sample)) {
            im.editing_column = im.editing_column == static_cast<int>(c) ? -1 : static_cast<int>(c);
        }
        if (im.editing_column == static_cast<int>(c)) {
            const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
            int column = 0;
            for (const ImportField f : kFields) {
                if (column == 1) {
                    ImGui::SameLine();
                }
                const std::string id = "field-" + std::to_string(static_cast<int>(f));
                if (SegmentOption(ui, FieldName(ui, f).c_str(), id.c_str(), im.mapping[c] == f,
                                  half)) {
                    // A field belongs to one column: choosing it here frees the other one.
                    for (ImportField& other : im.mapping) {
                        if (other == f && f != ImportField::Ignore) {
                            other = ImportField::Ignore;
                        }
                    }
                    im.mapping[c] = f;
                    im.editing_column = -1;
                }
                column = 1 - column;
            }
            if (column == 1) {
                ImGui::NewLine();
            }
        }
        ImGui::PopID();
    }
}

void DrawDone(UiContext& ui, AppState& state, ImportState& im) {
    const RosterImportJob& job = *im.job;
    const ImportPlan& plan = job.Plan();
    if (job.Status() == JobStatus::Failed) {
        ErrorText(
            ui, "import-failed",
            Format(ui.T(SamplingText::ImportWriteFailed), static_cast<int>(job.Written())).c_str());
    } else if (job.Status() == JobStatus::Cancelled) {
        ErrorText(
            ui, "import-stopped",
            Format(ui.T(SamplingText::ImportStopped), static_cast<int>(job.Written())).c_str());
    } else {
        StatusText(ui, "import-done",
                   Format(ui.T(SamplingText::ImportDone), static_cast<int>(plan.added),
                          static_cast<int>(plan.updated), static_cast<int>(plan.unchanged),
                          static_cast<int>(plan.skipped))
                       .c_str(),
                   colors::kPrimary);
        MutedText(Format(ui.T(SamplingText::ImportSeconds),
                         static_cast<double>(job.FinishedMs() - job.StartedMs()) / 1000.0)
                      .c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(ShellText::ActionBack), "import-back-roster", half)) {
        state.sampling.view = SamplingView::Home;
        im = ImportState{};
        return;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SamplingText::ImportAnother), "import-another", half)) {
        im = ImportState{};
        return;
    }
    if (plan.skipped > 0) {
        SectionTitle(
            ui, Format(ui.T(SamplingText::ImportSkipped), static_cast<int>(plan.skipped)).c_str());
        int shown = 0;
        std::string buf;
        for (const PlannedRow& row : plan.rows) {
            if (row.action != ImportAction::Skip) {
                continue;
            }
            if (++shown > 200) {
                MutedText("…");
                break;
            }
            ImGui::TextWrapped("%s", Format(ui.T(SamplingText::ImportSkipLine),
                                            static_cast<int>(row.line), SkipReason(ui, row, buf))
                                         .c_str());
        }
    }
}

} // namespace

void SamplingFileOpened(UiContext& ui, AppState& state, const std::string& name,
                        const std::string& bytes) {
    state.area = Area::Sampling;
    ImportState& im = state.sampling.import;
    im = ImportState{};
    im.file_name = name;
    state.sampling.view = SamplingView::Import;
    const SheetRows sheet = ReadSheetRows(bytes); // CSV in any encoding, or .xlsx
    im.error = SheetErrorText(ui, sheet);
    im.xlsx_sheet = sheet.xlsx_sheet;
    im.decoded.encoding = sheet.encoding;
    im.decoded.invalid_sequences = sheet.invalid_sequences;
    im.cleaned_cells = sheet.cleaned_cells;
    im.csv.delimiter = sheet.delimiter;
    im.csv.rows = sheet.rows;
    if (im.error.empty() && im.csv.rows.size() < 2) {
        im.error = ui.T(SamplingText::ImportNoRows);
    }
    if (!im.error.empty()) {
        im.phase = ImportPhase::Failed;
        im.csv = CsvResult{};
        return;
    }
    im.mapping = GuessMapping(im.csv.rows[0].cells);
    im.mapping.resize(im.csv.rows[0].cells.size(), ImportField::Ignore);
    im.phase = ImportPhase::Preview;
}

void SamplingFileFailed(UiContext& ui, AppState& state, const std::string& message) {
    state.sampling.import.phase = ImportPhase::Failed;
    state.sampling.import.error = Format(ui.T(ShellText::RestoreReadFailed), message.c_str());
}

void DrawImportView(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    ImportState& im = s.import;
    if (im.phase != ImportPhase::Writing && BackButton(ui, "import-back")) {
        s.view = SamplingView::Home;
        im = ImportState{};
        return;
    }
    Heading(ui, ui.T(SamplingText::ImportTitle));
    switch (im.phase) {
    case ImportPhase::Failed:
        ErrorText(ui, "import-error", im.error.c_str());
        [[fallthrough]];
    case ImportPhase::ChooseFile:
        MutedText(ui.T(SamplingText::ImportExplain));
        if (PrimaryButton(ui, ui.T(SamplingText::ImportChoose), "import-choose")) {
            state.file_for = Area::Sampling;
            ui.platform.OpenFile(kSheetAccept);
        }
        break;
    case ImportPhase::Preview:
        DrawPreview(ui, im);
        break;
    case ImportPhase::Writing: {
        if (im.job->Status() != JobStatus::Running) {
            im.phase = ImportPhase::Done;
            DrawDone(ui, state, im);
            break;
        }
        // Before the plan exists the count is the file's rows (all may be written).
        const JobProgress progress = im.job->Progress();
        const size_t count = progress.total;
        const size_t total = std::max<size_t>(count, 1);
        const float share = static_cast<float>(progress.done) / static_cast<float>(total);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colors::kPrimary);
        ImGui::ProgressBar(share, ImVec2(-FLT_MIN, 24.0f), "");
        ImGui::PopStyleColor();
        StatusText(ui, "import-progress",
                   Format(ui.T(SamplingText::ImportProgress), static_cast<int>(progress.done),
                          static_cast<int>(count))
                       .c_str());
        if (TouchButton(ui, ui.T(SamplingText::ImportStop), "import-stop")) {
            im.job->Cancel();
        }
        break;
    }
    case ImportPhase::Done:
        DrawDone(ui, state, im);
        break;
    }
}

} // namespace linli::ui
