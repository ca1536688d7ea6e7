extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    ///
    /// Pure Swift and much cheaper than Foundation's `trimmingCharacters(in:)`, which matters on the
    /// path every message takes.
    public func trimmingWhitespace() -> SubSequence {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[start...end]
    }
}
