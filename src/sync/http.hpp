#pragma once
// The little HTTP the replicator needs, as an interface: the web platform answers it with
// fetch(), native tests with a fake CouchDB. Requests are asynchronous; the callback may
// run at once (a fake) or in a later frame (the browser).
#include <functional>
#include <string>

namespace linli::sync {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::string body;       // JSON when not empty (sent as application/json)
    int timeout_ms = 30000; // the transport gives up after this and answers status 0
};

struct HttpResponse {
    int status = 0;    // 0: no answer (offline, refused, timed out)
    std::string body;  // as received
    std::string error; // for status 0: what the transport saw
};

// HttpResponse::error when the page's Content-Security-Policy (connect-src) did not let the
// request out: the site was not built for this server (LINLI_SYNC_ORIGINS, README).
inline constexpr const char* kBlockedByPolicy = "blocked-by-csp";

class HttpTransport {
  public:
    virtual ~HttpTransport() = default;
    virtual void Send(HttpRequest request, std::function<void(HttpResponse)> done) = 0;
};

} // namespace linli::sync
