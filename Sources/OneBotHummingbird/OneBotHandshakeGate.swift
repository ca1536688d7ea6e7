import NIOCore
import NIOHTTP1
import OneBot

/// Checks every OneBot handshake, once, and refuses a bad one with the status the spec gives — 401
/// for a missing token, 403 for a wrong one — before the WebSocket upgrade machinery sees the
/// request (which would answer 400). The routes behind it read the peer without checking again.
///
/// It sits right after the HTTP request decoder and looks at the first request of a connection
/// only, then steps out of the pipeline, which the upgrade rearranges. That covers every WebSocket:
/// NIO's upgrade handler, too, decides on a connection's first request and then stays HTTP.
final class OneBotHandshakeGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handshake: ReverseWebSocketHandshake
    private let paths: Set<String>
    private var refusing = false

    init(handshake: ReverseWebSocketHandshake, paths: Set<String>) {
        self.handshake = handshake
        self.paths = paths
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refusing else { return }
        guard case .head(let head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        let target = head.uri.split(separator: "?", maxSplits: 1)
        if let path = target.first, paths.contains(String(path)),
           case .failure(let rejection) = handshake.check(headers: head.headers.map { ($0.name, $0.value) }, query: target.count > 1 ? String(target[1]) : nil) {
            refuse(head, with: rejection, context: context)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    private func refuse(_ head: HTTPRequestHead, with rejection: ReverseWebSocketHandshake.Rejection, context: ChannelHandlerContext) {
        refusing = true
        let body = context.channel.allocator.buffer(string: "\(rejection)\n")
        let headers = HTTPHeaders([("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "\(body.readableBytes)"), ("Connection", "close")])
        let status = HTTPResponseStatus(statusCode: rejection.httpStatus)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
