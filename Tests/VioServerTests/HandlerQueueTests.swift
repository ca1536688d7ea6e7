import Testing
import VioCore
import VioCoreTesting
@testable import VioServer

@Suite struct HandlerQueueTests {
    static func event(_ id: Int64) -> BotEvent { .message(.test(text: "/ping", messageID: ID(id))) }

    static func messageID(_ event: BotEvent?) -> ID? {
        guard case .message(let message)? = event else { return nil }
        return message.messageID
    }

    @Test func startsUpToTheLimitThenQueuesThenRefuses() {
        let queue = HandlerQueue(limit: 2, maxWaiting: 1)
        #expect(queue.admit(Self.event(1)) == .start)
        #expect(queue.admit(Self.event(2)) == .start)
        #expect(queue.admit(Self.event(3)) == .waiting)
        #expect(queue.admit(Self.event(4)) == .refused)
    }

    @Test func finishedHandlersTakeWaitingEventsInArrivalOrderThenFreeTheirSlot() {
        let queue = HandlerQueue(limit: 1, maxWaiting: 10)
        #expect(queue.admit(Self.event(1)) == .start)
        #expect(queue.admit(Self.event(2)) == .waiting)
        #expect(queue.admit(Self.event(3)) == .waiting)
        #expect(Self.messageID(queue.next()) == 2)
        #expect(Self.messageID(queue.next()) == 3)
        #expect(queue.next() == nil)
        #expect(queue.admit(Self.event(4)) == .start, "the slot is free again")
    }
}
