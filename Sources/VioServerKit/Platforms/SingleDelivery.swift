import VioCore

/// A platform connection that delivers one event: what an HTTP request that carries one message
/// (`POST /post`, the console's sandbox) hands the dispatcher, so the handler starts on the
/// request's own task and the request answers when it is done.
///
/// ```swift
/// try await dispatcher.serve(SingleDelivery(Delivery(.message(message), via: replies, onFinished: replies.finished)))
/// ```
struct SingleDelivery: PlatformConnection {
    let delivery: Delivery

    init(_ delivery: Delivery) {
        self.delivery = delivery
    }

    func run(deliver: (Delivery) -> Void) async throws {
        deliver(delivery)
    }
}
