import Hummingbird

extension ResponseBody {
    /// `mebibytes` MiB of `x` between `prefix` and `suffix`, written 1 MiB at a time, so a test
    /// server can send far more than it holds.
    public static func mebibytes(_ mebibytes: Int, prefix: String = "", suffix: String = "") -> ResponseBody {
        ResponseBody { writer in
            if !prefix.isEmpty { try await writer.write(ByteBuffer(string: prefix)) }
            let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1 << 20)
            for _ in 0..<mebibytes { try await writer.write(chunk) }
            if !suffix.isEmpty { try await writer.write(ByteBuffer(string: suffix)) }
            try await writer.finish(nil)
        }
    }
}
