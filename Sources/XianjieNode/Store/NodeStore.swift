import Foundation
import GRDB
import XianjieMessages

/// A node's own SQLite file: its outbox (what it sent, until the coordinator answers), its inbox
/// (what it received and applied, exactly once), broadcasts by topic, and where its streams stand.
package final class NodeStore: Sendable {
    package let writer: any DatabaseWriter

    package init(path: String, synchronousFull: Bool = true) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronousFull ? "FULL" : "NORMAL")")
        }
        configuration.busyMode = .timeout(5)
        do {
            self.writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw NodeError.storeUnavailable(path: path, underlying: error)
        }
        try Self.migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: outbox, inbox, broadcasts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        sequence INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL,
                        header BLOB NOT NULL,
                        data BLOB NOT NULL,
                        signature BLOB NOT NULL,
                        createdAt REAL NOT NULL,
                        -- 0 pending, 1 accepted by the coordinator, 2 rejected
                        state INTEGER NOT NULL DEFAULT 0,
                        settledAt REAL,
                        rejection TEXT
                    );
                    CREATE INDEX outbox_pending ON outbox(sequence) WHERE state = 0;
                    CREATE TABLE inbox (
                        delivery INTEGER PRIMARY KEY,
                        id TEXT NOT NULL,
                        source TEXT NOT NULL,
                        sequence INTEGER,
                        type TEXT NOT NULL,
                        subject TEXT,
                        header BLOB NOT NULL,
                        data BLOB NOT NULL,
                        signature BLOB NOT NULL,
                        receivedAt REAL NOT NULL,
                        UNIQUE (source, id)
                    );
                    CREATE TABLE broadcast (
                        topic TEXT NOT NULL,
                        tseq INTEGER NOT NULL,
                        id TEXT NOT NULL,
                        source TEXT NOT NULL,
                        type TEXT NOT NULL,
                        header BLOB NOT NULL,
                        data BLOB NOT NULL,
                        signature BLOB NOT NULL,
                        receivedAt REAL NOT NULL,
                        PRIMARY KEY (topic, tseq)
                    ) WITHOUT ROWID;
                    CREATE TABLE topic (
                        name TEXT PRIMARY KEY,
                        lastSequence INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    -- One row per application of a message: the proof of exactly-once in effect.
                    CREATE TABLE application_log (
                        rowid INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        id TEXT NOT NULL,
                        sequence INTEGER,
                        appliedAt REAL NOT NULL
                    );
                    CREATE TABLE counter (
                        name TEXT PRIMARY KEY,
                        value INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2: receipts") { db in
            try db.execute(
                sql: """
                    -- The coordinator's signed receipts, as received: proof that it accepted what this node sent.
                    CREATE TABLE receipt (
                        rowid INTEGER PRIMARY KEY,
                        header BLOB NOT NULL,
                        data BLOB NOT NULL,
                        signature BLOB NOT NULL,
                        receivedAt REAL NOT NULL
                    );
                    -- Which outbox message each receipt answers, with the hash it binds to.
                    CREATE TABLE receipt_entry (
                        sequence INTEGER NOT NULL,
                        messageId TEXT NOT NULL,
                        hash TEXT,
                        status TEXT NOT NULL,
                        receipt INTEGER NOT NULL REFERENCES receipt(rowid)
                    );
                    CREATE INDEX receipt_entry_sequence ON receipt_entry(sequence);
                    -- The sender's signature, checked by this node: 1 valid, 0 not checked (no public key
                    -- for the sender in trustedKeysDirectory), -1 INVALID.
                    ALTER TABLE inbox ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        return migrator
    }
}
