import VioCore

/// The updates of one `getUpdates` answer, decoded one by one.
///
/// An update that fails to decode (a field an older or newer Bot API leaves out, a wrong type) lands
/// in `failures` instead of failing the batch, and still counts for ``nextOffset``, so it is
/// confirmed and never delivered again.
public struct UpdateBatch: Decodable, Sendable {
    public var updates: [Update]
    public var failures: [UpdateDecodingFailure]

    public init(updates: [Update], failures: [UpdateDecodingFailure] = []) {
        self.updates = updates
        self.failures = failures
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        updates = []
        failures = []
        while !container.isAtEnd {
            switch try container.decode(LenientUpdate.self).result {
            case .success(let update): updates.append(update)
            case .failure(let failure): failures.append(failure)
            }
        }
    }

    /// The offset that confirms every update of the batch, decoded or not; `nil` for an empty batch.
    public var nextOffset: Int64? {
        let ids = updates.map(\.id) + failures.compactMap(\.updateID)
        return ids.max().map { $0 + 1 }
    }
}

/// An update that could not be decoded, and why.
public struct UpdateDecodingFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The update's id, when even that could not be read it is `nil`.
    public var updateID: Int64?
    /// What was wrong, with the path to the field.
    public var reason: String

    public init(updateID: Int64?, reason: String) {
        self.updateID = updateID
        self.reason = reason
    }

    public var description: String {
        "update \(updateID.map(String.init) ?? "without an id") could not be decoded: \(reason)"
    }
}

/// Decodes one element of a batch without ever throwing, so the batch goes on to the next element.
struct LenientUpdate: Decodable {
    let result: Result<Update, UpdateDecodingFailure>

    private enum IDKey: String, CodingKey {
        case updateID = "update_id"
    }

    init(from decoder: any Decoder) {
        do {
            result = .success(try Update(from: decoder))
        } catch {
            let id = try? decoder.container(keyedBy: IDKey.self).decode(Int64.self, forKey: .updateID)
            result = .failure(UpdateDecodingFailure(updateID: id, reason: DecodingFailureText.describe(error)))
        }
    }
}
