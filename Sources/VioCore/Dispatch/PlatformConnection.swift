/// One connection to a chat platform: a OneBot WebSocket, a Telegram long poll, a webhook route.
///
/// It reads events and hands each to `deliver` together with the ``ChatActions`` that answer it,
/// until the connection ends (it returns) or fails (it throws); cancelling the task ends it too. A
/// ``Dispatcher`` runs the bot on what it delivers:
///
/// ```swift
/// struct ConsoleConnection: PlatformConnection {
///     func run(deliver: (Delivery) -> Void) async throws {
///         var number: Int64 = 0
///         while let line = readLine() {
///             number += 1
///             deliver(Delivery(.message(InboundMessage(platform: .console, botID: 0, chat: .private(1),
///                 sender: Sender(id: 1, displayName: "you"), messageID: ID(number), text: line)), via: ConsoleActions()))
///         }
///     }
/// }
/// try await Dispatcher(bot: bot).serve(ConsoleConnection())
/// ```
///
/// `deliver` never blocks: it starts a handler or puts the event in the waiting line and returns, so
/// the connection keeps reading while handlers await the platform's answers to their calls.
public protocol PlatformConnection {
    /// Reads events into `deliver` until the connection ends.
    func run(deliver: (Delivery) -> Void) async throws
}
