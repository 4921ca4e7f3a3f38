import Crypto
import Foundation
import GRDB
import XianjieConsole
import XianjieMessages

/// The console's users and the message counts of its statistics.
extension CoordinatorStore {
    /// Adds (or replaces) a console user with a new random access code, returned once; only its SHA-256
    /// is stored. The code is 20 characters of a 32-letter alphabet (100 bits).
    package func addConsoleUser(name: String, role: ConsoleRole) throws -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { $0.isNewline }) else {
            throw RegistryError("a console user's name is 1 to 64 characters on one line")
        }
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz023456789")
        let code = String(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }.prefix(20).map { alphabet[Int($0) % 32] })
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO console_user (name, role, codeHash, createdAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET role = excluded.role, codeHash = excluded.codeHash, createdAt = excluded.createdAt
                    """, arguments: [name, role.rawValue, Self.hash(code), Date().timeIntervalSince1970])
        }
        return code
    }

    package func removeConsoleUser(name: String) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM console_user WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    package func consoleUsers() throws -> [(name: String, role: String, createdAt: Date)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, createdAt FROM console_user ORDER BY name").map {
                ($0[0], $0[1], Date(timeIntervalSince1970: $0[2]))
            }
        }
    }

    /// A user's role (nil: no such user).
    package func consoleRole(of name: String) throws -> ConsoleRole? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT role FROM console_user WHERE name = ?", arguments: [name])
        }.flatMap(ConsoleRole.init(rawValue:))
    }

    /// The user's role when the code matches (compared as hashes, in constant time).
    package func consoleRole(name: String, code: String) throws -> ConsoleRole? {
        let row = try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT role, codeHash FROM console_user WHERE name = ?", arguments: [name])
        }
        guard let row, let role = ConsoleRole(rawValue: row[0]) else { return nil }
        let stored = Array((row[1] as String).utf8)
        let given = Array(Self.hash(code).utf8)
        guard stored.count == given.count else { return nil }
        var difference: UInt8 = 0
        for (a, b) in zip(stored, given) { difference |= a ^ b }
        return difference == 0 ? role : nil
    }

    private static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Documents counted by ``ConsoleStatistics/kind(of:)``, per day (in the clock's time zone) and
    /// sender, accepted on `from` … `through`. Deadline notices count only overdue ones.
    package func statisticsCounts(from: Date, through: Date, utcOffsetMinutes: Int) throws
        -> [(day: String, source: String, type: String, count: Int)]
    {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT date(acceptedAt + ?, 'unixepoch') AS day, source, type, count(*) FROM message
                    WHERE acceptedAt >= ? AND acceptedAt < ?
                      AND type IN ('xianjie.clue', 'xianjie.suggestionTransfer', 'xianjie.caseFilingDecision',
                                   'xianjie.procuratorialSuggestion', 'xianjie.rectificationReply', 'xianjie.deadlineNotice')
                      AND (type != 'xianjie.deadlineNotice' OR CAST(data AS TEXT) LIKE '%"notice":"overdue"%')
                    GROUP BY day, source, type
                    """,
                arguments: [utcOffsetMinutes * 60, from.timeIntervalSince1970, through.timeIntervalSince1970]
            ).map { ($0[0], $0[1], $0[2], $0[3]) }
        }
    }
}
