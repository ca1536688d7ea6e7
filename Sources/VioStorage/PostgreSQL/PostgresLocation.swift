import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL database is, as the PaaS convention `DATABASE_URL` gives it:
/// `postgres://user:password@host:5432/database?sslmode=require`.
///
/// `sslmode` takes libpq's values: `disable`; `allow` and `prefer` (the default) use TLS when the
/// server offers it; `require` insists on TLS without checking the certificate (what Heroku's and
/// most hosted databases' URLs ask for); `verify-ca` checks the certificate chain and `verify-full`
/// the host name as well, against the system's trust roots.
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://vio:secret@db.example.com/vio?sslmode=require")
/// location.description   // "PostgreSQL vio@db.example.com:5432/vio (sslmode require)"
/// ```
package struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    package enum TLSMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    package var host: String
    package var port: Int
    package var username: String
    package var password: String?
    package var database: String
    package var tlsMode: TLSMode

    /// A URL that does not name a PostgreSQL database.
    package struct InvalidURL: Error, CustomStringConvertible {
        package let description: String
    }

    package init(url text: String) throws(InvalidURL) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw InvalidURL(description: "expected a URL such as postgres://user:password@host:5432/database")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw InvalidURL(description: "expected a postgres:// or postgresql:// URL, got a \(scheme):// one")
        }
        guard let host = components.host, !host.isEmpty else {
            throw InvalidURL(description: "the URL names no host")
        }
        guard let username = components.user?.removingPercentEncoding, !username.isEmpty else {
            throw InvalidURL(description: "the URL names no user; write it as postgres://user:password@host/database")
        }
        self.host = host
        port = components.port ?? 5432
        self.username = username
        password = components.password?.removingPercentEncoding
        let path = String(components.path.drop(while: { $0 == "/" }))
        database = path.isEmpty ? username : (path.removingPercentEncoding ?? path)
        let mode = components.queryItems?.last(where: { $0.name == "sslmode" })?.value
        guard let tlsMode = TLSMode(rawValue: mode ?? TLSMode.prefer.rawValue) else {
            throw InvalidURL(description: "sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")), got '\(mode ?? "")'")
        }
        self.tlsMode = tlsMode
    }

    /// Where the database is, without the password: for the start-up log, `check-config` and `/readyz`.
    package var description: String {
        "PostgreSQL \(username)@\(host):\(port)/\(database) (sslmode \(tlsMode.rawValue))"
    }

    /// The URL as `check-config` shows it: the password replaced by `…`.
    package var maskedURL: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.host = host
        components.port = port
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "sslmode", value: tlsMode.rawValue)]
        let text = components.string ?? description
        guard password != nil, let at = text.range(of: "@") else { return text }
        return text.replacingCharacters(in: at, with: ":…@")
    }

    /// The client configuration postgres-nio takes.
    var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The configuration of one connection of its own, outside the pool.
    func connectionConfiguration(timeout: Duration) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch tlsMode {
        case .disable: .disable
        case .allow, .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require, .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = TimeAmount(timeout)
        return configuration
    }

    private var tls: PostgresClient.Configuration.TLS {
        switch tlsMode {
        case .disable: .disable
        case .allow, .prefer: .prefer(tlsConfiguration)
        case .require, .verifyCA, .verifyFull: .require(tlsConfiguration)
        }
    }

    /// How far the server's certificate is checked: not at all up to `require`, as libpq does.
    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable, .allow, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }
}
