import Foundation
import OpenAIClient
import Testing

@Suite struct ProviderErrorTests {
    private func read(_ body: String) -> ProviderError? {
        ProviderError(body: Data(body.utf8))
    }

    @Test func openAIShape() {
        let body = #"{"error":{"message":"Incorrect API key provided: sk-abc***xyz.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        #expect(read(body) == ProviderError(message: "Incorrect API key provided: sk-abc***xyz.", type: "invalid_request_error", code: "invalid_api_key"))
    }

    @Test func oneAPIShapeWithEmptyParamAndRequestID() {
        let body = #"{"error":{"message":"当前分组 default 下对于模型 gpt-5 无可用渠道 (request id: 2024091812)","type":"one_api_error","param":"","code":"model_not_found"}}"#
        let error = read(body)
        #expect(error?.type == "one_api_error")
        #expect(error?.code == "model_not_found")
        #expect(error?.param == nil)
        #expect(error?.message.hasPrefix("当前分组 default") == true)
    }

    @Test func newAPIShapeWithNumericCode() {
        let body = #"{"error":{"message":"bad upstream","type":"new_api_error","param":"","code":500}}"#
        #expect(read(body) == ProviderError(message: "bad upstream", type: "new_api_error", code: "500"))
    }

    @Test func deepSeekShape() {
        let body = #"{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}"#
        #expect(read(body) == ProviderError(message: "Insufficient Balance", type: "unknown_error", code: "invalid_request_error"))
    }

    @Test func ollamaStringShape() {
        #expect(read(#"{"error":"model \"llama9\" not found, try pulling it first"}"#)
            == ProviderError(message: #"model "llama9" not found, try pulling it first"#))
    }

    @Test func vLLMTopLevelShape() {
        let body = #"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}"#
        #expect(read(body) == ProviderError(message: "The model `x` does not exist.", type: "NotFoundError", code: "404"))
    }

    @Test func geminiArrayShape() {
        let body = #"[{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}}]"#
        #expect(read(body) == ProviderError(message: "API key not valid.", code: "400"))
    }

    @Test func bodiesWithoutAnErrorGiveNil() {
        #expect(read("<html><body>502 Bad Gateway</body></html>") == nil)
        #expect(read(#"{"choices":[]}"#) == nil)
        #expect(read(#"{"error":{"type":"no message"}}"#) == nil)
    }

    @Test func descriptionNamesTypeAndCode() {
        let error = ProviderError(message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded")
        #expect(error.description == "Rate limit reached (requests, code rate_limit_exceeded)")
    }
}
