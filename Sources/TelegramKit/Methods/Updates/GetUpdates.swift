/// `getUpdates`: waits up to `timeout` seconds for updates after `offset`.
///
/// Most bots use ``LongPolling`` rather than calling this directly: it tracks the offset, backs off
/// on errors and skips updates that fail to decode. The result is decoded element by element, so one
/// bad update never hides the others (see ``UpdateBatch``).
///
/// ```swift
/// let batch = try await client.call(GetUpdates(offset: next, timeout: 30))
/// ```
public struct GetUpdates: TelegramMethod {
    public typealias Result = UpdateBatch
    public static let name = "getUpdates"

    /// The first update to return: the last handled `update_id` + 1. Earlier updates are confirmed.
    public var offset: Int64?
    /// 1 to 100 (default 100).
    public var limit: Int?
    /// Seconds to wait for an update; 0 returns at once.
    public var timeout: Int?
    /// The kinds to receive; `nil` keeps the previous setting, `[]` means all but the opt-in kinds.
    public var allowedUpdates: [UpdateType]?

    public init(offset: Int64? = nil, limit: Int? = nil, timeout: Int? = nil, allowedUpdates: [UpdateType]? = nil) {
        self.offset = offset
        self.limit = limit
        self.timeout = timeout
        self.allowedUpdates = allowedUpdates
    }

    enum CodingKeys: String, CodingKey {
        case offset, limit, timeout
        case allowedUpdates = "allowed_updates"
    }
}
