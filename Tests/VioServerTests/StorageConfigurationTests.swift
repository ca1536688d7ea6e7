import Foundation
import Testing
@testable import VioServerKit
@testable import VioStorage

/// `DATABASE_URL` as PaaS platforms write it, and which store it selects.
@Suite struct StorageConfigurationTests {
    @Test func aHerokuStyleURLNamesEveryPart() throws {
        let location = try PostgresLocation(url: "postgres://u1abc:p%40ss%2Fword@ec2-1-2-3-4.compute-1.amazonaws.com:5433/d9xyz?sslmode=require")
        #expect(location.host == "ec2-1-2-3-4.compute-1.amazonaws.com")
        #expect(location.port == 5433)
        #expect(location.username == "u1abc")
        #expect(location.password == "p@ss/word", "a percent-encoded password is decoded")
        #expect(location.database == "d9xyz")
        #expect(location.tlsMode == .require)
        #expect(location.description == "PostgreSQL u1abc@ec2-1-2-3-4.compute-1.amazonaws.com:5433/d9xyz (sslmode require)")
    }

    @Test func portDatabaseAndTLSHaveLibpqDefaults() throws {
        let location = try PostgresLocation(url: "postgresql://vio@db.internal")
        #expect(location.port == 5432)
        #expect(location.database == "vio", "the database defaults to the user's name")
        #expect(location.password == nil)
        #expect(location.tlsMode == .prefer)
        #expect(try PostgresLocation(url: "postgres://vio@db/x?sslmode=verify-full").tlsMode == .verifyFull)
    }

    @Test func whatIsNotAPostgreSQLURLIsRefusedSayingWhy() {
        let cases: [(String, String)] = [
            ("mysql://u:p@h/db", "expected a postgres:// or postgresql:// URL, got a mysql:// one"),
            ("postgres:///db", "the URL names no host"),
            ("postgres://db.example.com/vio", "the URL names no user; write it as postgres://user:password@host/database"),
            ("postgres://u@h/db?sslmode=sometimes", "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, got 'sometimes'"),
        ]
        for (url, problem) in cases {
            #expect(throws: PostgresLocation.InvalidURL.self, "\(url)") { try PostgresLocation(url: url) }
            do { _ = try PostgresLocation(url: url) } catch { #expect(error.description == problem) }
        }
    }

    @Test func databaseURLSelectsPostgreSQLAndNeverShowsThePassword() throws {
        let configuration = try ServerConfiguration(environment: [
            "DATABASE_URL": "postgres://vio:hunter2-very-secret@db.example.com:5432/vio?sslmode=require", "DATABASE_TIMEOUT": "3",
        ])
        guard case .postgres(let location, let timeout) = configuration.storage else {
            Issue.record("DATABASE_URL selects PostgreSQL, got \(configuration.storage)")
            return
        }
        #expect(location.host == "db.example.com")
        #expect(timeout == .seconds(3))
        let reading = try #require(configuration.readings.first { $0.name == "DATABASE_URL" })
        #expect(reading.text == "DATABASE_URL = postgres://vio:…@db.example.com:5432/vio?sslmode=require (environment DATABASE_URL)")
        let report = StartupReport(configuration).lines.map(\.text).joined(separator: "\n")
        #expect(report.contains("Storage: on (PostgreSQL vio@db.example.com:5432/vio (sslmode require)"))
        #expect(!report.contains("hunter2") && !reading.text.contains("hunter2"))
    }

    @Test func withoutDatabaseURLItIsSQLiteInTheDataFolder() throws {
        let configuration = try ServerConfiguration(environment: ["VIO_DATA_DIR": "/srv/vio"])
        #expect(configuration.storage == .sqlite(directory: URL(fileURLWithPath: "/srv/vio", isDirectory: true)))
        let report = StartupReport(configuration).lines.map(\.text)
        #expect(report.contains("Storage: on (SQLite /srv/vio/vio.sqlite; set DATABASE_URL for PostgreSQL, conversations kept 30 days (VIO_HISTORY_DAYS))"))
    }

    @Test func anInvalidDatabaseURLIsAnErrorThatHidesThePassword() {
        do {
            _ = try ServerConfiguration(environment: ["DATABASE_URL": "mysql://vio:hunter2-very-secret@db/vio"])
            Issue.record("a mysql URL is refused")
        } catch {
            #expect("\(error)".hasPrefix("DATABASE_URL (environment DATABASE_URL): expected a postgres:// or postgresql:// URL"))
            #expect(!"\(error)".contains("hunter2"))
        }
    }

    @Test func historyRetentionIsInDaysAndZeroKeepsEverything() throws {
        #expect(try ServerConfiguration(environment: [:]).conversationRetention == .seconds(30 * 86_400))
        #expect(try ServerConfiguration(environment: ["VIO_HISTORY_DAYS": "7"]).conversationRetention == .seconds(7 * 86_400))
        #expect(try ServerConfiguration(environment: ["VIO_HISTORY_DAYS": "0"]).conversationRetention == nil)
    }
}
