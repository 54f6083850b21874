// Writes the generated part of the seed corpora (tests/fuzz/corpus/<target>/gen-*): real
// volunteer codes and their archives, workbooks and the XLSX module's forms, documents of
// every type the app's sample community has (as single documents, records and a backup),
// and the fake CouchDB's replies of a sync both ways. Run once when a format changes:
//   build/fuzz/tests/fuzz/make_fuzz_seeds tests/fuzz/corpus
// Hand-written seeds (named without "gen-") sit beside them.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <zlib.h>

#include "app/app_data.hpp"
#include "io/volunteer_codes.hpp"
#include "io/xlsx.hpp"
#include "io/xlsx_exchange.hpp"
#include "store/database.hpp"
#include "sync/replicator.hpp"
#include "unit/fake_couch.hpp"

using namespace linli;
using store::Json;
namespace fs = std::filesystem;

namespace {

fs::path g_root;

void Put(const std::string& target, const std::string& name, std::string_view bytes) {
    const fs::path dir = g_root / target;
    fs::create_directories(dir);
    std::ofstream(dir / ("gen-" + name), std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A code's archive (fuzz_volunteer_codes frames it again): base32 body -> payload without
// the format byte and the checksum, inflated for a deflated offer; written after the kind
// byte the target reads first, without the archive's own first (byte order) byte.
void PutCode(const std::string& name, const std::string& code, uint8_t kind) {
    Put("volunteer_codes", name, code);
    std::string bytes;
    std::string body = code.substr(3);
    if (!Base32Decode(body, bytes) || bytes.size() < 6) {
        std::fprintf(stderr, "cannot read back %s\n", name.c_str());
        return;
    }
    std::string archive = bytes.substr(1, bytes.size() - 5);
    uint8_t choice = kind;
    if (bytes[0] == 2) {
        std::string inflated(256 * 1024, '\0');
        uLongf size = inflated.size();
        uncompress(reinterpret_cast<Bytef*>(inflated.data()), &size,
                   reinterpret_cast<const Bytef*>(archive.data()), archive.size());
        inflated.resize(size);
        archive = inflated;
        choice |= 4;
    }
    Put("volunteer_codes", name + "-archive",
        std::string(1, static_cast<char>(choice)) + archive.substr(1));
}

void Codes() {
    SignUpOffer offer{"desk1", 1767225600000, {}, {}};
    offer.posts.push_back({"gate", "门岗", "1号楼门口", {"first_aid"}, 2});
    offer.posts.push_back({"tests", "核酸采样引导", "广场", {}, 0});
    for (int i = 0; i < 6; ++i) {
        offer.shifts.push_back({static_cast<uint16_t>(i % 2), 1767250800000 + i * 3600000LL,
                                1767250800000 + (i + 2) * 3600000LL, 3, 5});
    }
    PutCode("offer", EncodeOffer(offer), 0);
    ReplyCode reply{ReplyKind::SignUp,
                    0x1234567890ULL,
                    "王芳",
                    "13800138000",
                    "gate",
                    1767250800000,
                    1767225660000,
                    0,
                    0};
    PutCode("reply-signup", EncodeReply(reply), 1);
    reply.kind = ReplyKind::Cancel;
    PutCode("reply-cancel", EncodeReply(reply), 1);
    reply.kind = ReplyKind::CheckIn;
    reply.post_code = 123456;
    reply.code_minute = 29454180;
    PutCode("reply-checkin", EncodeReply(reply), 1);
    ConfirmationCode confirmation{0x1234567890ULL, 1767225700000, {}};
    confirmation.signups.push_back({"gate", 1767250800000, ToldState::Confirmed});
    confirmation.signups.push_back({"tests", 1767254400000, ToldState::Waitlist});
    PutCode("confirmation", EncodeConfirmation(confirmation), 2);
    PutCode("checkin", EncodePostCheckIn({"gate", 29454180, 654321}), 3);
    // As pasted: a link around it, lower case, spaces.
    Put("volunteer_codes", "pasted",
        "https://linli.example/#" + EncodeOffer(offer) + "&x=1 " + EncodeReply(reply));
}

void Workbooks() {
    std::vector<XlsxSheet> sheets(2);
    sheets[0].name = "名单";
    sheets[0].rows = {{XlsxCell::Text("楼栋"), XlsxCell::Text("姓名"), XlsxCell::Text("电话")},
                      {XlsxCell::Number(1), XlsxCell::Text("王芳"), XlsxCell::Text("13800138000")},
                      {XlsxCell::Number(2.5), XlsxCell::Text("=1+2"), XlsxCell::Text("")}};
    sheets[0].column_widths = {6, 10, 14};
    sheets[1].name = "Sheet2";
    sheets[1].rows = {{XlsxCell::Text("a")}};
    const XlsxWriteResult written = WriteXlsx(sheets);
    if (!written.error.empty()) {
        std::fprintf(stderr, "WriteXlsx: %s\n", written.error.c_str());
        return;
    }
    for (const char* target : {"xlsx", "zip_reader", "sheet"}) {
        Put(target, "written.xlsx", written.bytes);
    }
    const std::string request = EncodeXlsxWriteRequest(sheets);
    Put("xlsx_exchange", "write-request", "\1" + request.substr(kXlsxWriteRequestMagic.size()));
    const std::string reply = EncodeXlsxReadReply(ReadXlsx(written.bytes));
    Put("xlsx_exchange", "read-reply",
        std::string(1, '\0') + reply.substr(kXlsxReadReplyMagic.size()));
    XlsxReadResult damaged;
    damaged.error = XlsxReadError::Damaged;
    damaged.detail = "xl/worksheets/sheet1.xml: cut short";
    const std::string bad = EncodeXlsxReadReply(damaged);
    Put("xlsx_exchange", "read-reply-error",
        std::string(1, '\0') + bad.substr(kXlsxReadReplyMagic.size()));
}

class Persistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string&) override {
        if (data) {
            data->WriteCommitted(txn);
        }
    }
    AppData* data = nullptr;
};

void Documents() {
    Persistence p;
    AppData app(p, "dev1");
    p.data = &app;
    app.Sample().Load(1767225600000);
    app.Settings().SetDeviceName("社区办公室", 1767225600000);
    app.Volunteers().Add("张三", "13800138000", 1767225600000);
    // Two documents of each type: small seeds that still show every shape.
    std::map<std::string, int> per_type;
    Json docs = Json::array();
    Json records = Json::array();
    for (const store::Document* doc : app.Store().All()) {
        const std::string type(doc->Type());
        if (per_type[type]++ >= 2) {
            continue;
        }
        const Json json = store::ToJson(*doc);
        Put("document", type, json.dump());
        docs.push_back(json);
        records.push_back(Json::array({doc->id, json}));
    }
    const Json backup{{"format", "linli-backup"}, {"version", 1},      {"exported_at_ms", 0},
                      {"device", "dev1"},         {"device_name", ""}, {"documents", docs}};
    Put("backup", "sample", backup.dump(1));
    Put("records", "sample", records.dump());
    Put("document", "records", records.dump());
}

// The fake CouchDB's replies in a sync both ways, each as fuzz_sync_replies reads them: the
// kind of request, the status index (0: 200), the flags (login, something to pull and to
// push), then the body.
void SyncReplies() {
    testing::FakeCouch couch;
    couch.users["staff"] = "secret";
    couch.EditOnServer("volunteer:remote-1", Json{{"name", "王芳"}, {"schema", 1}});
    couch.EditOnServer("volunteer:remote-1", Json{{"name", "王芳芳"}, {"schema", 1}});
    couch.EditOnServer("post:remote-2", Json{{"name", "门岗"}});
    const std::string db = couch.Url();
    std::map<int, int> seen;
    bool inner = false; // the fake answering itself, from inside the intercept
    couch.intercept = [&](const sync::HttpRequest& r) -> std::optional<sync::HttpResponse> {
        if (inner) {
            return std::nullopt;
        }
        int kind = -1;
        if (r.url == couch.server + "_session") {
            kind = 0;
        } else if (r.url == db + "/") {
            kind = 1;
        } else if (r.url.rfind(db + "/_local/", 0) == 0) {
            kind = r.method == "GET" ? 2 : 5;
        } else if (r.url.rfind(db + "/_changes", 0) == 0) {
            kind = 3;
        } else if (r.url.rfind(db + "/_bulk_get", 0) == 0) {
            kind = 4;
        } else if (r.url.rfind(db + "/_revs_diff", 0) == 0) {
            kind = 6;
        } else if (r.url.rfind(db + "/_bulk_docs", 0) == 0) {
            kind = 7;
        }
        std::optional<sync::HttpResponse> answer;
        inner = true;
        couch.Send(r, [&](sync::HttpResponse response) { answer = response; });
        inner = false;
        if (kind >= 0 && answer && seen[kind]++ < 2) {
            const int status_index = answer->status == 201 ? 1 : answer->status == 404 ? 6 : 0;
            std::string seed{static_cast<char>(kind), static_cast<char>(status_index), '\x07'};
            Put("sync_replies", std::to_string(kind) + "-" + std::to_string(seen[kind]),
                seed + answer->body);
        }
        return answer;
    };
    store::DocumentStore local;
    struct P final : store::Persistence {
        void Write(uint64_t txn, const std::string&) override { db->Committed(txn); }
        store::Database* db = nullptr;
    } p;
    store::Database database(local, p);
    p.db = &database;
    for (const char* id : {"volunteer:local-1", "shift:local-2"}) {
        auto r = local.Put(id, Json{{"name", "李四"}, {"schema", 1}}, "");
        database.Commit({*r.value});
    }
    sync::ReplicatorOptions options;
    options.changes_batch = 2;
    options.push_batch = 1;
    sync::Replicator replicator(local, database, couch, "fuzz", options);
    replicator.Configure({db, "staff", "secret"});
    replicator.SyncNow(1000);
    for (int i = 0; i < 500 && (replicator.Running() || replicator.WakeAt()); ++i) {
        replicator.Step(1000);
    }
    // Error bodies as CouchDB writes them.
    Put("sync_replies", "error-401",
        std::string("\x00\x04\x01", 3) +
            R"({"error":"unauthorized","reason":"Name or password is incorrect."})");
    Put("sync_replies", "error-413",
        std::string("\x07\x08\x04", 3) +
            R"({"error":"too_large","reason":"the request entity is too large"})");
    Put("sync_replies", "error-409",
        std::string("\x05\x07\x00", 3) +
            R"({"error":"conflict","reason":"Document update conflict."})");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fuzz_seeds <corpus folder>\n");
        return 2;
    }
    g_root = argv[1];
    Codes();
    Workbooks();
    Documents();
    SyncReplies();
    return 0;
}
