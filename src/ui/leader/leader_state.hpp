#pragma once
// What the leader's overview (总览) keeps between frames.
#include <string>

namespace linli {

// What the last tap on 复制日报 or 导出日报 did (said in the UI language when drawn).
enum class ReportSaid { Nothing, Copied, Exported, ExportFailed };

struct LeaderState {
    ReportSaid said = ReportSaid::Nothing;
    std::string said_detail; // the file's name, or why the export failed
    float bar_height = 0;    // the action bar's height last frame (the content leaves room)
};

} // namespace linli
