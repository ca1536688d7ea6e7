import Testing
import VioCore

@Suite struct RedactedTests {
    @Test func secretsNeverPrintThemselves() {
        let key = Redacted("sk-abcdefghijklmnop1234")
        #expect("\(key)" == "sk-…1234")
        #expect(String(reflecting: key) == "sk-…1234")
        #expect(Redacted("abcdefgh12345").description == "…2345", "a shorter secret shows only its end")
        #expect(Redacted("short").description == "…", "short secrets show nothing at all")
        #expect(key.scrub("GET /bot sk-abcdefghijklmnop1234/getMe failed") == "GET /bot sk-…1234/getMe failed")
    }

    @Test func matchesOnlyTheWholeSecret() {
        let secret = Redacted("abc")
        #expect(secret.matches("abc"))
        #expect(!secret.matches("abd"))
        #expect(!secret.matches("abcd"))
        #expect(!secret.matches("ab"))
        #expect(!secret.matches(""))
        #expect(Redacted("").matches(""))
        #expect(!Redacted("").matches("a"))
    }
}
