// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The bridge's handling of what a client on 127.0.0.1 sends: HeadLimitedTcpServer's
// RequestScanner over the byte stream of a connection, read by read as checkRequest() feeds it,
// then each request's body through FeedEvent::parse as POST /v1/events takes it. (Between the
// two, QHttpServer's own parser; it is not ours to fuzz.)
//
// Input: one byte of shape, then the stream. Shape's low six bits give the size of each read
// (1-64 bytes, as a socket splits a request); its high bit picks the bridge's limits, otherwise
// limits small enough for short inputs to reach them.

#include "feed/bridge.h"
#include "feed/feedevent.h"
#include "feed/requestscanner.h"

#include "fuzzsupport.h"

#include <algorithm>

using rg::feed::FeedEvent;
using rg::feed::RequestLimits;
using rg::feed::Internal::RequestScanner;
using rg::fuzz::require;

namespace {

void acceptEvent(QByteArrayView body)
{
    const auto event = FeedEvent::parse(body);
    if (!event) {
        require(!event.error().isEmpty(), "a refused event says why");
        return;
    }
    const auto again = FeedEvent::fromJson(event.value().toJson());
    require(again.ok(), "an accepted event's JSON is accepted");
    require(again.value() == event.value(), "an event survives its JSON");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype readSize = (data[0] & 0x3f) + 1;
    const RequestLimits limits = (data[0] & 0x80) != 0
                                     ? RequestLimits{.maxBodyBytes = rg::feed::kMaxEventBodyBytes}
                                     : RequestLimits{.maxHeadBytes = 256, .maxBodyBytes = 128};
    const QByteArray stream = rg::fuzz::bytes(data + 1, size - 1);
    RequestScanner scanner(limits);
    qsizetype at = 0;
    while (at < stream.size()) {
        // As checkRequest(): at most one byte past the budget.
        const qsizetype take = std::min({readSize, stream.size() - at, scanner.budget() + 1});
        require(take > 0, "the scanner wants more before it decides");
        const RequestScanner::Verdict verdict
            = scanner.scan(QByteArrayView(stream).sliced(at, take));
        require(scanner.bodyBytesInLastScan() >= 0 && scanner.bodyBytesInLastScan() <= take,
                "the body bytes of a read are within the read");
        switch (verdict) {
        case RequestScanner::Verdict::HeadTooLarge:
        case RequestScanner::Verdict::BodyTooLarge:
            return 0; // the connection is answered and closed
        case RequestScanner::Verdict::NeedMore:
            at += take;
            continue;
        case RequestScanner::Verdict::Done:
            break;
        }
        const qsizetype bodyStart = at + take - scanner.bodyBytesInLastScan();
        require(stream.at(bodyStart - 1) == '\n', "a head ends with a line ending");
        require(scanner.declaredLength() <= limits.maxBodyBytes,
                "a body declared over the limit is refused");
        const qsizetype length
            = std::min(std::max<qsizetype>(scanner.declaredLength(), 0), stream.size() - bodyStart);
        acceptEvent(QByteArrayView(stream).sliced(bodyStart, length));
        // The next request on this connection (keep-alive).
        at = bodyStart + length;
        scanner.restart();
    }
    return 0;
}
