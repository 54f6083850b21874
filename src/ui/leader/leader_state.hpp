#pragma once
// What the leader's overview (总览) keeps between frames.
#include <string>

namespace linli {

struct LeaderState {
    std::string message; // after 复制日报 or 导出日报
    bool message_is_error = false;
    float bar_height = 0; // the action bar's height last frame (the content leaves room)
};

} // namespace linli
