import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import VioStorage

/// A PostgreSQL cluster of a test's own, which the test may stop and start again: initdb into a
/// temporary folder, then `pg_ctl start` and `pg_ctl stop -m fast` (what a restart of the database
/// server does to its clients: each connection gets "terminating connection due to administrator
/// command", then the port refuses). Needs the server's programs in `VIO_TEST_POSTGRES_BIN`, which
/// `.ci/postgres.sh` sets; as root it runs them as the `postgres` user, as PostgreSQL insists.
final class TestCluster: Sendable {
    static let programs = ProcessInfo.processInfo.environment["VIO_TEST_POSTGRES_BIN"].flatMap { $0.isEmpty ? nil : $0 }

    static var isAvailable: Bool { programs != nil }

    let folder: URL
    let location: PostgresLocation
    private let programs: String

    /// A new cluster, started, with a user `vio` (password `vio`) and a database `vio`.
    static func start() async throws -> TestCluster {
        guard let programs else { throw ClusterError(description: "set VIO_TEST_POSTGRES_BIN to PostgreSQL's programs") }
        let folder = URL(fileURLWithPath: "/tmp/vio-cluster-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "vio\n".write(to: folder.appendingPathComponent("password"), atomically: true, encoding: .utf8)
        if getuid() == 0 {
            for path in [folder.path, folder.appendingPathComponent("password").path] {
                try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: path)
            }
        }
        let location = try PostgresLocation(url: "postgres://vio:vio@127.0.0.1:\(try freePort())/postgres?sslmode=disable")
        let cluster = TestCluster(folder: folder, location: location, programs: programs)
        try await cluster.run("initdb", "-D", cluster.data, "-U", "vio", "--pwfile=\(folder.appendingPathComponent("password").path)",
                        "--auth=scram-sha-256", "--no-sync", "--encoding=UTF8")
        try await cluster.resume()
        return cluster
    }

    private init(folder: URL, location: PostgresLocation, programs: String) {
        self.folder = folder
        self.location = location
        self.programs = programs
    }

    private var data: String { folder.appendingPathComponent("data").path }

    /// Starts the server (again), waiting until it takes connections.
    func resume() async throws {
        try await run("pg_ctl", "-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-o",
                "-c listen_addresses=127.0.0.1 -c port=\(location.port) -c unix_socket_directories=\(folder.path) -c fsync=off", "start")
    }

    /// Stops the server as an administrator does, closing every client's connection.
    func stop() async throws {
        try await run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
    }

    /// Stops the server if it runs and removes the cluster.
    func remove() async {
        try? await stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs one of PostgreSQL's programs to its end, on a thread of its own (it takes seconds, and
    /// the tasks of the test go on meanwhile); fails when it fails.
    private func run(_ program: String, _ arguments: String...) async throws {
        let path = "\(programs)/\(program)"
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
        let status = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Self.spawnAndWait(command)) }.start()
        }
        guard status == 0 else {
            throw ClusterError(description: "\(program) exited with \(status); see \(folder.path)")
        }
    }

    /// posix_spawn and waitpid: the exit status, or -1 when it could not start.
    private static func spawnAndWait(_ command: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Glibc's macros do not export to Swift.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }

    struct ClusterError: Error, CustomStringConvertible {
        let description: String
    }

    /// A loopback port nothing listens on now.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ClusterError(description: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
