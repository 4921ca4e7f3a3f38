import Foundation
import GRDB
import XianjieMessages

extension NodeStore {
    /// Commits messages to the outbox, in one transaction, each with the node's next sequence; returns them
    /// as they will be sent. A message whose `id` is already in the outbox is not added again (submissions
    /// are idempotent): it is returned as stored, with `isNew` false.
    package func enqueue(
        _ items: [(header: EnvelopeHeader, data: Data)], signer: (@Sendable (WireMessage) throws -> WireMessage)? = nil
    ) async throws -> [(
        message: WireMessage, isNew: Bool
    )] {
        try await writer.write { db in
            var last = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'lastSequence'") ?? 0
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO outbox (sequence, id, type, header, data, signature, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            let existing = try db.cachedStatement(sql: "SELECT header, data, signature FROM outbox WHERE id = ?")
            let now = Date().timeIntervalSince1970
            var results: [(message: WireMessage, isNew: Bool)] = []
            for item in items {
                if let row = try Row.fetchOne(existing, arguments: [item.header.id]) {
                    results.append((try WireMessage.decode(frames: [row[0], row[1], row[2]]), false))
                    continue
                }
                var header = item.header
                last += 1
                header.sequence = last
                var message = try WireMessage.make(header: header, data: item.data)
                if let signer { message = try signer(message) }
                try insert.execute(arguments: [
                    last, header.id, header.type.rawValue, message.headerBytes, message.data, message.signature, now,
                ])
                results.append((message, true))
            }
            try Self.setCounter(db, "lastSequence", last)
            return results
        }
    }

    /// Pending outbox entries after `sequence`, in order.
    package func outbox(after sequence: Int64, limit: Int) async throws -> [(sequence: Int64, frames: [Data])] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT sequence, header, data, signature FROM outbox WHERE sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [sequence, limit]
            ).map { ($0[0], [$0[1], $0[2], $0[3]]) }
        }
    }

    /// Records the coordinator's answers: receipts (accepted, kept as signed) and rejections with their reasons.
    package func settle(
        accepted: [Int64], rejected: [(sequence: Int64, reason: String)], receipts: [WireMessage] = []
    ) async throws {
        guard !accepted.isEmpty || !rejected.isEmpty || !receipts.isEmpty else { return }
        try await writer.write { db in
            let keep = try db.cachedStatement(
                sql: "INSERT INTO receipt (header, data, signature, receivedAt) VALUES (?, ?, ?, ?)")
            let entryOf = try db.cachedStatement(
                sql: "INSERT INTO receipt_entry (sequence, messageId, hash, status, receipt) VALUES (?, ?, ?, ?, ?)")
            for receipt in receipts {
                guard let payload = try? receipt.payload(Receipt.self) else { continue }
                try keep.execute(arguments: [
                    receipt.headerBytes, receipt.data, receipt.signature, Date().timeIntervalSince1970,
                ])
                let rowid = db.lastInsertedRowID
                for entry in payload.entries {
                    try entryOf.execute(arguments: [
                        entry.sequence, entry.messageId, entry.hash, entry.status.rawValue, rowid,
                    ])
                }
            }
            let now = Date().timeIntervalSince1970
            let accept = try db.cachedStatement(
                sql: "UPDATE outbox SET state = 1, settledAt = ? WHERE sequence = ? AND state = 0")
            for sequence in accepted { try accept.execute(arguments: [now, sequence]) }
            for item in rejected {
                try db.execute(
                    sql: "UPDATE outbox SET state = 2, settledAt = ?, rejection = ? WHERE sequence = ? AND state = 0",
                    arguments: [now, item.reason, item.sequence])
            }
        }
    }

    /// Raises the sequence counter when the coordinator has consumed more than this store remembers
    /// (a store restored from an old backup), so new messages are not taken for resends.
    package func realignSequence(atLeast sequence: Int64) async throws {
        try await writer.write { db in
            let last = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'lastSequence'") ?? 0
            if sequence > last { try Self.setCounter(db, "lastSequence", sequence) }
        }
    }

    /// The outcome of an outbox entry: nil while pending.
    package func outcome(sequence: Int64) async throws -> SendOutcome? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT state, rejection, id FROM outbox WHERE sequence = ?", arguments: [sequence])
            else { return nil }
            switch row[0] as Int {
            case 1: return .accepted(id: row[2], sequence: sequence)
            case 2: return .rejected(id: row[2], sequence: sequence, reason: row[1] ?? "rejected")
            default: return nil
            }
        }
    }

    static func setCounter(_ db: Database, _ name: String, _ value: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO counter (name, value) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET value = excluded.value
                """, arguments: [name, value])
    }
}

/// What the coordinator made of a message a node sent.
package enum SendOutcome: Sendable, Equatable {
    case accepted(id: String, sequence: Int64)
    case rejected(id: String, sequence: Int64, reason: String)
}
