import Foundation
import GRDB
import XianjieTrust

extension CoordinatorStore {
    /// Appends one entry to the hash chain, inside the caller's transaction (so the chain and what it
    /// records commit together). The head is read inside the transaction: the CLI may append too.
    static func appendAudit(
        _ db: Database, kind: AuditKind, actor: String?, subject: String?, messageId: String?, messageHash: String?,
        detail: String
    ) throws {
        try appendAudit(
            db,
            [PendingAudit(kind, actor: actor, subject: subject, messageId: messageId, messageHash: messageHash, detail: detail)])
    }

    /// Appends several entries in order, reading the head once.
    static func appendAudit(_ db: Database, _ pending: [PendingAudit]) throws {
        guard !pending.isEmpty else { return }
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1")
        var sequence: Int64 = head?[0] as Int64? ?? 0
        var previous: String = head?[1] ?? AuditChain.genesis
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO audit (sequence, at, kind, actor, subject, messageId, messageHash, detail, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let now = Date()
        for item in pending {
            sequence += 1
            let entry = AuditEntry.make(
                sequence: sequence, at: now, kind: item.kind, actor: item.actor, subject: item.subject,
                messageId: item.messageId, messageHash: item.messageHash, detail: item.detail, previousHash: previous)
            try insert.execute(arguments: [
                entry.sequence, entry.at.timeIntervalSince1970, entry.kind.rawValue, entry.actor, entry.subject,
                entry.messageId, entry.messageHash, entry.detail, entry.previousHash, entry.hash,
            ])
            previous = entry.hash
        }
    }

    /// The whole chain in stored order (or one subject's entries).
    package func auditEntries(subject: String? = nil) throws -> [AuditEntry] {
        try writer.read { db in
            let sql = "SELECT sequence, at, kind, actor, subject, messageId, messageHash, detail, previousHash, hash FROM audit"
            let rows =
                try subject.map {
                    try Row.fetchAll(db, sql: sql + " WHERE subject = ? ORDER BY sequence", arguments: [$0])
                } ?? Row.fetchAll(db, sql: sql + " ORDER BY rowid")
            return rows.map { row in
                AuditEntry(
                    sequence: row[0], at: Date(timeIntervalSince1970: row[1]),
                    kind: AuditKind(rawValue: row[2]) ?? .registryChanged, actor: row[3], subject: row[4],
                    messageId: row[5], messageHash: row[6], detail: row[7], previousHash: row[8], hash: row[9])
            }
        }
    }

    /// The stored frames of messages by hash (for an export).
    package func messages(hashes: Set<String>) throws -> [[Data]] {
        try writer.read { db in
            var found: [[Data]] = []
            for hash in hashes.sorted() {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT header, data, signature FROM message WHERE hash = ?", arguments: [hash])
                {
                    found.append([row[0], row[1], row[2]])
                }
            }
            return found
        }
    }
}

/// An audit entry to append with the batch that records it.
package struct PendingAudit: Sendable {
    package var kind: AuditKind
    package var actor: String?
    package var subject: String?
    package var messageId: String?
    package var messageHash: String?
    package var detail: String

    package init(
        _ kind: AuditKind, actor: String?, subject: String? = nil, messageId: String? = nil, messageHash: String? = nil,
        detail: String
    ) {
        self.kind = kind
        self.actor = actor
        self.subject = subject
        self.messageId = messageId
        self.messageHash = messageHash
        self.detail = detail
    }
}
