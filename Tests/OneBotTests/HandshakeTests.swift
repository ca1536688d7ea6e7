import OneBot
import Testing
import VioCore

@Suite struct HandshakeTests {
    private let handshake = ReverseWebSocketHandshake(accessToken: "s3cret-token")

    @Test func readsSelfIDAndRoleCaseInsensitively() throws {
        let peer = try handshake.check(headers: [("x-self-id", "3794478577"), ("x-client-role", "universal"), ("Authorization", "Bearer s3cret-token")]).get()
        #expect(peer.selfID == 3_794_478_577)
        #expect(peer.role == .universal)
        let api = try ReverseWebSocketHandshake().check(headers: [("X-Client-Role", "API")]).get()
        #expect(api.role == .api)
        #expect(api.selfID == nil)
    }

    @Test func acceptsBearerTokenAndQueryForms() {
        #expect((try? handshake.check(headers: [("Authorization", "Bearer s3cret-token")]).get()) != nil)
        #expect((try? handshake.check(headers: [("authorization", "Token s3cret-token")]).get()) != nil)
        #expect((try? handshake.check(headers: [], query: "access_token=s3cret-token").get()) != nil)
    }

    @Test func rejectsMissingAndWrongTokensWith401And403() {
        #expect(handshake.check(headers: [("Authorization", "Bearer ")]) == .failure(.missingToken))
        #expect(handshake.check(headers: []) == .failure(.missingToken))
        #expect(handshake.check(headers: [("Authorization", "Bearer s3cret-tokem")]) == .failure(.wrongToken))
        #expect(handshake.check(headers: [("Authorization", "Bearer s3cret")]) == .failure(.wrongToken))
        #expect(handshake.check(headers: [], query: "access_token=nope") == .failure(.wrongToken))
        #expect(ReverseWebSocketHandshake.Rejection.missingToken.httpStatus == 401)
        #expect(ReverseWebSocketHandshake.Rejection.wrongToken.httpStatus == 403)
        #expect(!ReverseWebSocketHandshake.Rejection.wrongToken.description.contains("s3cret"))
    }

    @Test func noTokenConfiguredAcceptsEveryone() {
        #expect((try? ReverseWebSocketHandshake().check(headers: [("Authorization", "Bearer ")]).get()) != nil)
    }
}
