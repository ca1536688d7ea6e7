import VioCore

/// A response with an error status, thrown inside the retry loop with what the retry rules made of
/// it; ``OpenAIClient`` throws its ``error`` once the loop gives up.
struct RejectedResponse: Error {
    let error: OpenAIError
    let verdict: RetryVerdict
}
