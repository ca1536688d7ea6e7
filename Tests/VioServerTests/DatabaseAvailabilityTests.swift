import Testing
@testable import VioStorage

/// The writes PostgreSQL storage keeps while the database is away.
@Suite struct DatabaseAvailabilityTests {
    static func write(_ summary: String) -> DatabaseAvailability.PendingWrite {
        DatabaseAvailability.PendingWrite(summary: summary) { _ in }
    }

    @Test func aWriteDroppedForRoomDuringItsReplayTakesNoOtherWithIt() {
        let availability = DatabaseAvailability(capacity: 2)
        availability.keep(Self.write("a"))
        availability.keep(Self.write("b"))
        let replaying = availability.nextPending
        availability.keep(Self.write("c"))   // no room: "a" goes
        if let replaying { availability.replayed(replaying) }
        #expect(availability.pendingCount == 2)
        #expect(availability.nextPending?.summary == "b", "b is still to be made")
        #expect(availability.takeDroppedCount() == 1)
        #expect(!availability.becomeReadyIfDrained(), "not ready while writes wait")
    }
}
