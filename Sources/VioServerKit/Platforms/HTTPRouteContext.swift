import Hummingbird
import NIOCore

/// The plain HTTP router's request context: Hummingbird's basic one, plus the address of the
/// client, by which the HTTP chat endpoints limit each client's rate.
struct HTTPRouteContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
