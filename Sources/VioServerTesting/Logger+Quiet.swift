import Logging

extension Logger {
    /// A logger for tests that prints only critical messages, so test output stays readable.
    public static func quiet(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = .critical
        return logger
    }
}
