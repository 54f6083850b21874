#include "text/sync_text.hpp"

#include "text/catalog.hpp"

namespace linli {
namespace {

using E = CatalogEntry<SyncText>;
constexpr std::array kCatalog = {
    E{SyncText::SyncTitle, "同步", "Sync"},
    E{SyncText::SyncExplain,
      "与社区的服务器（CouchDB，或办公室电脑上的 PouchDB "
      "Server）同步。联网时自动同步，离线时数据照常保存在本机。",
      "Syncs with the community's server (CouchDB, or PouchDB Server on the office laptop). "
      "It syncs by itself when online; offline, data is kept on this device as usual."},
    E{SyncText::ServerLabel, "同步服务器", "Sync server"},
    E{SyncText::ServerHint, "例如 http://192.168.1.10:8000/couch/linli",
      "e.g. http://192.168.1.10:8000/couch/linli"},
    E{SyncText::UserLabel, "用户名", "User name"},
    E{SyncText::UserHint, "服务器无需登录时留空", "Leave empty if the server needs no login"},
    E{SyncText::PasswordLabel, "密码", "Password"},
    E{SyncText::PasswordHint, "服务器账号的密码", "The server account's password"},
    E{SyncText::PasswordKept, "密码已加密保存在本机；不修改可留空",
      "The password is kept sealed on this device; leave empty to keep it"},
    E{SyncText::PasswordNeeded, "请重新输入密码后保存（本机保存的密码已无法读取）",
      "Enter the password again and save (the one kept here can no longer be read)"},
    E{SyncText::SyncNow, "立即同步", "Sync now"},
    E{SyncText::TurnOff, "停止同步", "Stop syncing"},
    E{SyncText::StatusOff, "未设置同步服务器，数据只在本机",
      "No sync server set: data stays on this device"},
    E{SyncText::StatusRunning, "正在同步…", "Syncing…"},
    E{SyncText::StatusDone, "同步完成：%s，没有待上传的改动",
      "Sync complete: %s, no changes waiting to go up"},
    E{SyncText::StatusDonePending, "上次同步完成：%s，%d 条改动待上传",
      "Last sync complete: %s, %d changes waiting to go up"},
    E{SyncText::StatusFailed, "同步失败：%s", "Sync failed: %s"},
    E{SyncText::StatusRetry, "同步失败：%s（%d 秒后重试）", "Sync failed: %s (retrying in %d s)"},
    E{SyncText::StatusCounts, "本次已收到 %d 条、已发送 %d 条",
      "This session: %d received, %d sent"},
    E{SyncText::NeverSynced, "从未", "never"},
    E{SyncText::ProblemUrl, "请填写以 http:// 或 https:// 开头、以数据库名结尾的地址",
      "Enter an address that starts with http:// or https:// and ends with the database name"},
    E{SyncText::ProblemPassword, "请填写密码", "Enter the password"},
    E{SyncText::WhyBadUrl, "地址不是数据库地址", "the address is not a database address"},
    E{SyncText::WhyUnreachable, "无法连接服务器", "server unreachable"},
    E{SyncText::WhyWrongPassword, "用户名或密码错误", "wrong user name or password"},
    E{SyncText::WhyNoPermission, "没有权限", "no permission"},
    E{SyncText::WhyNotCouch, "这不是 CouchDB 服务器", "not a CouchDB server"},
    E{SyncText::WhyNoDatabase, "服务器上没有这个数据库", "no such database on the server"},
    E{SyncText::WhyBadReply, "服务器的回复无法识别", "the server's reply could not be read"},
    E{SyncText::WhyServerError, "服务器出错", "server error"},
    E{SyncText::WhyLocalWrite, "本机无法保存收到的数据", "this device could not store what came"},
    E{SyncText::WhyTooLarge, "有一条记录太大，服务器不接收",
      "a record is too large for the server"},
    E{SyncText::WhyNotAllowed,
      "本网站的安全策略不允许连接这台服务器：请发布网站的人把它加入 LINLI_SYNC_ORIGINS 后重新发布，"
      "或改用网站自己的 /couch/ 地址",
      "this site's security policy does not allow this server: whoever publishes the site adds it "
      "to LINLI_SYNC_ORIGINS and publishes again, or use the site's own /couch/ address"},
    E{SyncText::ConflictsTitle, "冲突（%d）", "Conflicts (%d)"},
    E{SyncText::ConflictsExplain,
      "同一条记录在两台设备上离线时都被修改了。所有设备先显示同一个版本；请选择保留哪一版，选择会同"
      "步到其他设备。",
      "A record was changed on two devices while offline. Every device shows the same version "
      "first; choose which one to keep, and the choice syncs to the other devices."},
    E{SyncText::ConflictBanner, "%d 条记录有冲突待选择（设置 → 同步）",
      "%d records have a conflict to choose (Settings → Sync)"},
    E{SyncText::ConflictShown, "当前显示", "Shown now"},
    E{SyncText::ConflictOther, "另一版本", "Other version"},
    E{SyncText::ConflictFromDevice, "来自设备 %s", "from device %s"},
    E{SyncText::ConflictKeepShown, "保留当前", "Keep shown"},
    E{SyncText::ConflictKeepOther, "用另一版本", "Use other"},
    E{SyncText::ConflictChosen, "已选择，正在保存并同步", "Chosen: saving and syncing"},
    E{SyncText::ConflictNotSaved, "选择未能保存，请重试", "The choice was not saved; try again"},
    E{SyncText::ConflictDeleted, "（已删除）", "(deleted)"},
    E{SyncText::ConflictField, "%s：%s", "%s: %s"},
    E{SyncText::ConflictHere, "有冲突：这条记录在两台设备上改得不同，请选择保留哪一版",
      "Conflict: this record was changed differently on two devices; choose which to keep"},
    E{SyncText::VolunteersDbDone, "志愿者报名库：已同步（开放班次已发布，报名自动收取）",
      "Volunteers' database: synced (open shifts published, sign-ups taken in)"},
    E{SyncText::VolunteersDbRunning, "志愿者报名库：正在同步…", "Volunteers' database: syncing…"},
    E{SyncText::VolunteersDbFailed, "志愿者报名库：同步失败：%s",
      "Volunteers' database: sync failed: %s"},
    E{SyncText::VolunteerRoleNote,
      "这是志愿者报名库：本机只收取开放班次和工作人员的答复，只发送自己的报名",
      "This is the volunteers' database: this phone takes only open shifts and staff's answers, "
      "and sends only its own sign-ups"},
    E{SyncText::SentBySync,
      "已通过同步发给工作人员，答复会自动到达；没有网络时也可以把下面的代码发过去",
      "Sent to staff by sync; the answer arrives by itself. Without a network, send the code "
      "below instead"},
};
static_assert(IsCompleteCatalog(kCatalog), "every key needs one entry, in key order");

} // namespace

const char* Tr(SyncText key, Language lang) {
    return Lookup(kCatalog, key, lang);
}

} // namespace linli
