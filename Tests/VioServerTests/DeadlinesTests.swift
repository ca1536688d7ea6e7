import Testing
import VioCoreTesting
@testable import VioStorage

/// One watch for every operation's deadline, as the PostgreSQL store uses it.
@Suite struct DeadlinesTests {
    /// Runs `body` with a watch that ticks every 10 ms.
    func withWatch(_ body: (Deadlines) async throws -> Void) async throws {
        let deadlines = Deadlines(tick: .milliseconds(10))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await deadlines.watch() }
            defer { tasks.cancelAll() }
            try await body(deadlines)
        }
    }

    @Test func workInTimeGivesItsResult() async throws {
        try await withWatch { deadlines in
            let answer = try await deadlines.run(within: .seconds(5)) { 42 }
            #expect(answer == 42)
            await #expect(throws: CancellationError.self) { try await deadlines.run(within: .seconds(5)) { throw CancellationError() } }
        }
    }

    @Test func workThatNeverAnswersIsGivenUpAtTheDeadline() async throws {
        let neverOpened = Gate()
        try await withWatch { deadlines in
            // The work ignores cancellation, as a query on a silent connection does.
            await #expect(throws: Deadlines.Exceeded.self) {
                try await deadlines.run(within: .milliseconds(50)) { await neverOpened.wait() }
            }
        }
        neverOpened.open()
    }
}
