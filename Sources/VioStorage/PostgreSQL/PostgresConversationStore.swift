import Foundation
import PostgresNIO
import VioCore

/// VioCore's ``ConversationStore`` in PostgreSQL, shared by every vio-server on the database.
///
/// An append is one `INSERT` of all its turns (all or none), numbered by the table's sequence, so
/// appends from several instances at once never lose a turn; only the newest ``retainedTurns`` of a
/// conversation are kept. The two statements every chat turn makes are prepared once per connection:
/// parsing them each time cost the server more than running them.
struct PostgresConversationStore: ConversationStore {
    let database: PostgresDatabase
    /// Turns kept per conversation; older ones are deleted as new ones arrive.
    var retainedTurns = 200

    func append(_ turns: [ConversationTurn], to key: ConversationKey) async throws {
        guard !turns.isEmpty else { return }
        let statement = AppendTurns(
            conversation: key.rawValue, roles: turns.map(\.role.rawValue), contents: turns.map(\.content), dates: turns.map(\.date),
            keptBefore: max(retainedTurns - turns.count, 0))
        try await database.write("append \(turns.count) turns to \(key)") { client in
            for try await _ in try await client.execute(statement) {}
        }
    }

    /// An append in one statement, one round trip: the insert, and the trim of what it pushes past
    /// the retention. The trim sees the table as it was before the insert, so it keeps
    /// `keptBefore`, that many fewer of the older turns.
    struct AppendTurns: PostgresPreparedStatement {
        static let sql = """
            WITH inserted AS (
                INSERT INTO conversation_turn (conversation, role, content, created_at)
                SELECT $1, role, content, created_at FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS turn(role, content, created_at))
            DELETE FROM conversation_turn WHERE conversation = $1 AND id <= (
                SELECT id FROM conversation_turn WHERE conversation = $1 ORDER BY id DESC OFFSET $5 LIMIT 1)
            """
        typealias Row = Void

        let conversation: String
        let roles: [String]
        let contents: [String]
        let dates: [Date]
        let keptBefore: Int

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 5)
            bindings.append(conversation)
            bindings.append(roles)
            bindings.append(contents)
            bindings.append(dates)
            bindings.append(keptBefore)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    func history(of key: ConversationKey, limit: HistoryLimit) async throws -> [ConversationTurn] {
        let query = NewestTurns(conversation: key.rawValue, count: max(limit.maxTurns, 0))
        let newestFirst = try await database.run("load \(key)") { client in
            var turns: [ConversationTurn] = []
            for try await (role, content, date) in try await client.execute(query) {
                guard let role = ConversationTurn.Role(rawValue: role) else { continue }
                turns.append(ConversationTurn(role: role, content: content, date: date))
            }
            return turns
        }
        return limit.apply(to: newestFirst.reversed())
    }

    /// The newest `count` turns, newest first.
    struct NewestTurns: PostgresPreparedStatement {
        static let sql = "SELECT role, content, created_at FROM conversation_turn WHERE conversation = $1 ORDER BY id DESC LIMIT $2"
        typealias Row = (String, String, Date)

        let conversation: String
        let count: Int

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(conversation)
            bindings.append(count)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(Row.self)
        }
    }

    func reset(_ key: ConversationKey) async throws {
        let conversation = key.rawValue
        try await database.write("forget \(key)") { client in
            try await client.query("DELETE FROM conversation_turn WHERE conversation = \(conversation)")
        }
    }
}
