import Foundation
import Testing
import VioCore

@Suite struct IDTests {
    @Test func numericStringsAndNumbersAreTheSameID() {
        #expect(ID("123") == ID(123))
        #expect(ID("-1001234567890").int64Value == -1_001_234_567_890)
        #expect(ID("0123").int64Value == nil, "a non-canonical number stays a string")
    }

    @Test func decodesNumbersAndStringsWithoutLosingPrecision() throws {
        let ids = try JSONDecoder().decode([ID].self, from: Data(#"[9223372036854775807, "9223372036854775807", "abc", -2147483557]"#.utf8))
        #expect(ids == [ID(Int64.max), ID(Int64.max), "abc", ID(-2_147_483_557)])
        let encoded = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        #expect(encoded == #"[9223372036854775807,9223372036854775807,"abc",-2147483557]"#)
    }
}
