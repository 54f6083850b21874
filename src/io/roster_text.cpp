#include "io/roster_text.hpp"

#include <cctype>
#include <cstdio>

#include "base/ascii.hpp"

namespace linli {
namespace {

std::string Format(const char* pattern, std::string_view value) {
    const std::string v(value);
    const int n = std::snprintf(nullptr, 0, pattern, v.c_str());
    std::string out(static_cast<size_t>(n > 0 ? n : 0), '\0');
    std::snprintf(out.data(), out.size() + 1, pattern, v.c_str());
    return out;
}

} // namespace

std::string BuildingLabel(std::string_view building, Language lang) {
    return AllAsciiDigits(building) ? Format(Tr(Text::BuildingName, lang), building)
                                    : std::string(building);
}

std::string UnitLabel(std::string_view unit, Language lang) {
    if (unit.empty()) {
        return Tr(Text::NoUnit, lang);
    }
    return AllAsciiDigits(unit) ? Format(Tr(Text::UnitName, lang), unit) : std::string(unit);
}

std::string RoomLabel(std::string_view room, Language lang) {
    return AllAsciiDigits(room) ? Format(Tr(Text::RoomName, lang), room) : std::string(room);
}

std::string AddressLabel(const Resident& r, Language lang) {
    std::string out = BuildingLabel(r.building, lang);
    if (!r.unit.empty()) {
        out += " " + UnitLabel(r.unit, lang);
    }
    return out + " " + RoomLabel(r.room, lang);
}

std::string ShortAddress(const Resident& r) {
    return r.unit.empty() ? r.building + "-" + r.room : r.building + "-" + r.unit + "-" + r.room;
}

Text ControlLevelText(ControlLevel level) {
    switch (level) {
    case ControlLevel::Sealed:
        return Text::LevelSealed;
    case ControlLevel::Controlled:
        return Text::LevelControlled;
    case ControlLevel::Precaution:
        return Text::LevelPrecaution;
    }
    return Text::LevelPrecaution;
}

Text MarkStatusText(MarkStatus status) {
    switch (status) {
    case MarkStatus::Pending:
        return Text::StatusPending;
    case MarkStatus::Sampled:
        return Text::StatusSampled;
    case MarkStatus::Absent:
        return Text::StatusAbsent;
    case MarkStatus::Exempt:
        return Text::StatusExempt;
    case MarkStatus::Refused:
        return Text::StatusRefused;
    case MarkStatus::NeedsHomeVisit:
        return Text::StatusNeedsHomeVisit;
    case MarkStatus::HomeVisitDone:
        return Text::StatusHomeVisitDone;
    }
    return Text::StatusPending;
}

Text RoundKindText(RoundKind kind) {
    switch (kind) {
    case RoundKind::Everyone:
        return Text::KindEveryone;
    case RoundKind::FocusGroups:
        return Text::KindFocus;
    case RoundKind::Antigen:
        return Text::KindAntigen;
    case RoundKind::Retest:
        return Text::KindRetest;
    }
    return Text::KindEveryone;
}

Text TubeResultText(TubeResult result) {
    switch (result) {
    case TubeResult::Pending:
        return Text::TubeResultPending;
    case TubeResult::Negative:
        return Text::TubeResultNegative;
    case TubeResult::Abnormal:
        return Text::TubeResultAbnormal;
    }
    return Text::TubeResultPending;
}

Text PoolText(int pool_size) {
    return pool_size == 1 ? Text::PoolSingle : pool_size == 20 ? Text::Pool20 : Text::Pool10;
}

Text FlagText(uint32_t flag) {
    switch (flag) {
    case kFlagLivesAlone:
        return Text::FlagLivesAlone;
    case kFlagBedridden:
        return Text::FlagBedridden;
    case kFlagImmobile:
        return Text::FlagImmobile;
    case kFlagChronic:
        return Text::FlagChronic;
    case kFlagPregnant:
        return Text::FlagPregnant;
    case kFlagInfant:
        return Text::FlagInfant;
    case kFlagDisability:
        return Text::FlagDisability;
    default:
        return Text::FlagAway;
    }
}

std::string FlagsLabel(uint32_t flags, Language lang) {
    std::string out;
    for (const uint32_t flag : kAllResidentFlags) {
        if ((flags & flag) != 0) {
            if (!out.empty()) {
                out += lang == Language::Chinese ? "、" : ", ";
            }
            out += Tr(FlagText(flag), lang);
        }
    }
    return out;
}

std::string CsvCell(std::string_view text) {
    std::string value(text);
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r')) {
        value.insert(value.begin(), '\'');
    }
    size_t digits = 0;
    for (const char c : value) {
        digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    if (digits >= 11 &&
        (AllAsciiDigits(value) || (value.size() == 18 && AllAsciiDigits(value.substr(0, 17))))) {
        value.push_back('\t');
    }
    if (value.find_first_of(",\"\r\n\t") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string CsvLine(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        line += CsvCell(cells[i]);
    }
    return line + "\r\n";
}

std::string RosterCsv(const std::vector<Resident>& residents, Language lang, bool with_id_numbers) {
    std::string out(kUtf8Bom);
    std::vector<std::string> header = {
        Tr(Text::FieldBuilding, lang), Tr(Text::FieldUnit, lang),  Tr(Text::FieldRoom, lang),
        Tr(Text::FieldName, lang),     Tr(Text::FieldPhone, lang), Tr(Text::FieldBirthYear, lang),
        Tr(Text::FieldRelation, lang), Tr(Text::FieldFlags, lang), Tr(Text::FieldNote, lang)};
    if (with_id_numbers) {
        header.push_back(Tr(Text::FieldIdNumber, lang));
    }
    out += CsvLine(header);
    for (const Resident& r : residents) {
        std::vector<std::string> row = {
            r.building, r.unit,
            r.room,     r.name,
            r.phone,    r.birth_year ? std::to_string(r.birth_year) : "",
            r.relation, FlagsLabel(r.flags, lang),
            r.note};
        if (with_id_numbers) {
            row.push_back(r.id_number);
        }
        out += CsvLine(row);
    }
    return out;
}

std::string TimeOfDay(int64_t ms, int utc_offset_minutes) {
    if (ms <= 0) {
        return "";
    }
    const int64_t day = 24 * 60;
    const int64_t minutes = ((ms / 60000 + utc_offset_minutes) % day + day) % day;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return buf;
}

namespace {

const Mark* Find(const MarksByResident& marks, const std::string& id) {
    const auto it = marks.find(id);
    return it == marks.end() ? nullptr : it->second;
}

} // namespace

std::string RoundCsv(const Round& round, const std::vector<Resident>& residents,
                     const MarksByResident& marks, Language lang, int utc_offset_minutes) {
    std::string out(kUtf8Bom);
    out += CsvLine({Tr(Text::RoundDate, lang), Tr(Text::FieldBuilding, lang),
                    Tr(Text::FieldUnit, lang), Tr(Text::FieldRoom, lang), Tr(Text::FieldName, lang),
                    Tr(Text::FieldPhone, lang), Tr(Text::FieldFlags, lang),
                    Tr(Text::TabProgress, lang), Tr(Text::TubeNumber, lang), "time", "by"});
    for (const Resident& r : residents) {
        if (!RoundCovers(round, r)) {
            continue;
        }
        const Mark* m = Find(marks, r.id);
        const MarkStatus s = StatusOf(r, m);
        out += CsvLine({round.date, r.building, r.unit, r.room, r.name, r.phone,
                        FlagsLabel(r.flags, lang), Tr(MarkStatusText(s), lang),
                        m && IsSampled(s) ? m->tube : "",
                        m ? TimeOfDay(m->at_ms, utc_offset_minutes) : "", m ? m->by : ""});
    }
    return out;
}

std::string HtmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string ChecklistHtml(std::string_view building, ControlLevel level, const Round* round,
                          const std::vector<Resident>& residents, const MarksByResident& marks,
                          Language lang) {
    const std::string title = Format(Tr(Text::ChecklistTitle, lang), BuildingLabel(building, lang));
    std::string h = "<!doctype html><html lang=\"";
    h += lang == Language::Chinese ? "zh-CN" : "en";
    h += "\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(title) +
         "</title><style>body{font-family:sans-serif;margin:12mm}table{border-collapse:collapse;"
         "width:100%}th,td{border:1px solid #444;padding:4px 6px;font-size:12pt;text-align:left}"
         "th{background:#eee}.box{width:16px;height:16px;border:1.5px solid #000;display:inline-"
         "block}h2{margin:14px 0 4px;font-size:14pt}@media print{h2{break-after:avoid}tr{break-"
         "inside:avoid}}</style></head><body>";
    h += "<h1>" + HtmlEscape(title) + "</h1><p>" + HtmlEscape(Tr(ControlLevelText(level), lang));
    if (round != nullptr) {
        h += " · " + HtmlEscape(round->date) + " " +
             HtmlEscape(Tr(RoundKindText(round->kind), lang));
    }
    h += "</p>";
    std::string current_unit = "\x01";
    for (const Resident& r : residents) {
        if (r.building != building) {
            continue;
        }
        if (r.unit != current_unit) {
            if (current_unit != "\x01") {
                h += "</table>";
            }
            current_unit = r.unit;
            h += "<h2>" + HtmlEscape(UnitLabel(r.unit, lang)) + "</h2><table><tr><th>" +
                 HtmlEscape(Tr(Text::FieldRoom, lang)) + "</th><th>" +
                 HtmlEscape(Tr(Text::FieldName, lang)) + "</th><th>" +
                 HtmlEscape(Tr(Text::FieldPhone, lang)) + "</th><th>" +
                 HtmlEscape(Tr(Text::FieldFlags, lang)) + "</th><th>" +
                 HtmlEscape(Tr(Text::TabProgress, lang)) + "</th><th>✓</th></tr>";
        }
        const std::string status = round != nullptr && RoundCovers(*round, r)
                                       ? Tr(MarkStatusText(StatusOf(r, Find(marks, r.id))), lang)
                                       : "";
        std::string flags = FlagsLabel(r.flags, lang);
        if (!r.note.empty()) {
            flags += flags.empty() ? r.note : " · " + r.note;
        }
        h += "<tr><td>" + HtmlEscape(RoomLabel(r.room, lang)) + "</td><td>" + HtmlEscape(r.name) +
             "</td><td>" + HtmlEscape(r.phone) + "</td><td>" + HtmlEscape(flags) + "</td><td>" +
             HtmlEscape(status) + "</td><td><span class=\"box\"></span></td></tr>";
    }
    if (current_unit != "\x01") {
        h += "</table>";
    }
    h += "<p>" + HtmlEscape(Tr(Text::ChecklistSigned, lang)) + "</p></body></html>";
    return h;
}

} // namespace linli
