import Foundation
import GRDB
import XianjieMessages

/// The coordinator's SQLite file: every message it accepted, each recipient's queue, broadcasts by topic,
/// the quarantine, and where every node stands. One writer; each write method is one transaction.
package final class CoordinatorStore: Sendable {
    package let writer: any DatabaseWriter

    /// Opens (creating if needed) the store at `path` and migrates it.
    ///
    /// - Parameter synchronousFull: fsync at every commit (survives power loss); otherwise survives a
    ///   process crash only. Commits are grouped per batch either way.
    package init(path: String, synchronousFull: Bool = true) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronousFull ? "FULL" : "NORMAL")")
        }
        configuration.busyMode = .timeout(5)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, underlying: error)
        }
        do {
            try pool.read { db in
                let result = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "?"
                if result != "ok" { throw StoreError.corrupt(path: path, detail: result) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corrupt(path: path, detail: "\(error)")
        }
        try Self.migrator.migrate(pool)
        self.writer = pool
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: messages, queues, broadcasts, quarantine") { db in
            try db.execute(
                sql: """
                    CREATE TABLE message (
                        rowid INTEGER PRIMARY KEY,
                        id TEXT NOT NULL,
                        source TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        type TEXT NOT NULL,
                        subject TEXT,
                        topic TEXT,
                        recipients TEXT NOT NULL,
                        header BLOB NOT NULL,
                        data BLOB NOT NULL,
                        signature BLOB NOT NULL,
                        acceptedAt REAL NOT NULL,
                        UNIQUE (source, sequence),
                        UNIQUE (source, id)
                    );
                    CREATE INDEX message_subject ON message(subject) WHERE subject IS NOT NULL;
                    CREATE TABLE source (
                        agency TEXT PRIMARY KEY,
                        lastSequence INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE recipient (
                        agency TEXT PRIMARY KEY,
                        lastQueued INTEGER NOT NULL DEFAULT 0,
                        ackedThrough INTEGER NOT NULL DEFAULT 0,
                        kind TEXT,
                        softwareVersion TEXT,
                        lastSeen REAL
                    ) WITHOUT ROWID;
                    CREATE TABLE delivery (
                        recipient TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        message INTEGER NOT NULL REFERENCES message(rowid),
                        ackedAt REAL,
                        PRIMARY KEY (recipient, seq)
                    ) WITHOUT ROWID;
                    CREATE TABLE topic (
                        name TEXT PRIMARY KEY,
                        head INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE broadcast (
                        topic TEXT NOT NULL,
                        tseq INTEGER NOT NULL,
                        message INTEGER NOT NULL REFERENCES message(rowid),
                        PRIMARY KEY (topic, tseq)
                    ) WITHOUT ROWID;
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        receivedAt REAL NOT NULL,
                        peer TEXT NOT NULL,
                        source TEXT,
                        sequence INTEGER,
                        messageId TEXT,
                        reason TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        frames BLOB NOT NULL
                    );
                    CREATE INDEX quarantine_source ON quarantine(source, sequence);
                    """)
        }
        migrator.registerMigration("v2: registry and audit chain") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agency (
                        id TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        region TEXT NOT NULL,
                        displayName TEXT NOT NULL,
                        curveKey TEXT NOT NULL UNIQUE,
                        signingKey TEXT NOT NULL,
                        status TEXT NOT NULL,
                        updatedAt REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE audit (
                        sequence INTEGER PRIMARY KEY,
                        at REAL NOT NULL,
                        kind TEXT NOT NULL,
                        actor TEXT,
                        subject TEXT,
                        messageId TEXT,
                        messageHash TEXT,
                        detail TEXT NOT NULL,
                        previousHash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX audit_subject ON audit(subject) WHERE subject IS NOT NULL;
                    CREATE TABLE meta (
                        name TEXT PRIMARY KEY,
                        value INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    ALTER TABLE message ADD COLUMN hash TEXT;
                    """)
        }
        migrator.registerMigration("v3: shared processes, their timers and history, the joint-meeting agenda") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workflow_process (
                        subject TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        state TEXT NOT NULL,
                        body BLOB NOT NULL,
                        updatedOn TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE workflow_timer (
                        subject TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        due TEXT NOT NULL,
                        remindOn TEXT,
                        obligated TEXT NOT NULL,
                        supervisor TEXT NOT NULL,
                        overdue INTEGER NOT NULL,
                        reminded INTEGER NOT NULL,
                        PRIMARY KEY (subject, kind)
                    ) WITHOUT ROWID;
                    CREATE INDEX workflow_timer_due ON workflow_timer(due);
                    CREATE TABLE workflow_history (
                        id INTEGER PRIMARY KEY,
                        subject TEXT NOT NULL,
                        onDay TEXT NOT NULL,
                        at REAL NOT NULL,
                        event TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        fromState TEXT NOT NULL,
                        toState TEXT NOT NULL,
                        messageId TEXT
                    );
                    CREATE INDEX workflow_history_subject ON workflow_history(subject, id);
                    CREATE TABLE agenda_item (
                        id INTEGER PRIMARY KEY,
                        subject TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        obligated TEXT,
                        due TEXT,
                        queuedOn TEXT NOT NULL,
                        meeting TEXT
                    );
                    CREATE INDEX agenda_item_pending ON agenda_item(meeting, subject);
                    """)
        }
        migrator.registerMigration("v4: the rule a refused workflow document broke") { db in
            try db.execute(sql: "ALTER TABLE quarantine ADD COLUMN rule TEXT")
        }
        migrator.registerMigration("v5: deputies' participation records") { db in
            try db.execute(
                sql: """
                    CREATE TABLE participation (
                        recordId TEXT PRIMARY KEY,
                        personId TEXT NOT NULL,
                        name TEXT NOT NULL,
                        activity TEXT NOT NULL,
                        role TEXT NOT NULL,
                        day TEXT NOT NULL,
                        subject TEXT,
                        source TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX participation_person ON participation(personId, day);
                    """)
        }
        migrator.registerMigration("v6: federation links' positions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE federation_cursor (
                        link TEXT PRIMARY KEY,
                        position INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v7: console users") { db in
            try db.execute(
                sql: """
                    CREATE TABLE console_user (
                        name TEXT PRIMARY KEY,
                        role TEXT NOT NULL,
                        codeHash TEXT NOT NULL,
                        createdAt REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX message_accepted_at ON message(acceptedAt);
                    """)
        }
        return migrator
    }
}

/// What went wrong with the store, said so an operator can act.
package struct StoreError: Error, CustomStringConvertible {
    private enum Code { case cannotOpen, corrupt }
    private let code: Code
    package let description: String

    static func cannotOpen(path: String, underlying: any Error) -> StoreError {
        StoreError(
            code: .cannotOpen,
            description: "cannot open the store at \(path): \(underlying). Check that the directory exists and is writable.")
    }

    static func corrupt(path: String, detail: String) -> StoreError {
        StoreError(
            code: .corrupt,
            description:
                "the store at \(path) is damaged (integrity check: \(detail)). Stop, keep a copy of the file, and restore it from backup; do not delete it."
        )
    }

    static func unreadableRow(table: String, key: String, underlying: any Error) -> StoreError {
        StoreError(
            code: .corrupt,
            description:
                "the store holds a row it cannot read (\(table) \(key): \(underlying)). Was it written by a newer release? Keep the file and run the release that wrote it."
        )
    }

    package var isCorrupt: Bool { code == .corrupt }
}
