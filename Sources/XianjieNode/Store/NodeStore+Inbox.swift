import Foundation
import GRDB
import XianjieMessages

/// A message this node received and applied.
package struct InboxMessage: Sendable {
    /// The coordinator's delivery number for this node (for addressed messages), or the topic sequence.
    package var position: Int64
    package var topic: String?
    package var message: WireMessage
    package var receivedAt: Date
    /// The sender's signature as this node checked it: 1 valid, 0 not checked, -1 invalid.
    package var verified: Int = 0

    package init(position: Int64, topic: String?, message: WireMessage, receivedAt: Date, verified: Int = 0) {
        self.position = position
        self.topic = topic
        self.message = message
        self.receivedAt = receivedAt
        self.verified = verified
    }
}

/// Where a node's streams stood when it last stopped.
package struct NodeStreamState: Sendable {
    package var lastDelivery: Int64 = 0
    package var lastSequence: Int64 = 0
    /// Highest sequence such that every outbox entry up to it is settled.
    package var settledThrough: Int64 = 0
    /// Settled sequences above `settledThrough`.
    package var settledAbove: Set<Int64> = []
    package var topics: [String: Int64] = [:]
}

/// Runs inside the transaction that stores an incoming message: what "applying" means for this node.
/// Throwing rolls the whole batch back; the coordinator will deliver it again.
package typealias MessageApplier = @Sendable (_ db: Database, _ message: InboxMessage) throws -> Void

extension NodeStore {
    package func loadStreamState() throws -> NodeStreamState {
        try writer.read { db in
            var state = NodeStreamState()
            state.lastDelivery = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'lastDelivery'") ?? 0
            state.lastSequence = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'lastSequence'") ?? 0
            let firstPending = try Int64.fetchOne(db, sql: "SELECT min(sequence) FROM outbox WHERE state = 0")
            if let firstPending {
                state.settledThrough = firstPending - 1
                let above = try Int64.fetchAll(
                    db, sql: "SELECT sequence FROM outbox WHERE sequence > ? AND state != 0", arguments: [firstPending])
                state.settledAbove = Set(above)
            } else {
                state.settledThrough = state.lastSequence
            }
            for row in try Row.fetchAll(db, sql: "SELECT name, lastSequence FROM topic") {
                state.topics[row[0] as String] = row[1]
            }
            return state
        }
    }

    /// Stores and applies, in one transaction, the next deliveries and broadcasts (already checked to be in order).
    package func apply(
        deliveries: [InboxMessage], broadcasts: [InboxMessage], lastDelivery: Int64, applier: MessageApplier?
    ) async throws {
        try await writer.write { db in
            let insertInbox = try db.cachedStatement(
                sql: """
                    INSERT INTO inbox (delivery, id, source, sequence, type, subject, header, data, signature, receivedAt, verified)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let log = try db.cachedStatement(
                sql: "INSERT INTO application_log (source, id, sequence, appliedAt) VALUES (?, ?, ?, ?)")
            for item in deliveries {
                let header = item.message.header
                try insertInbox.execute(arguments: [
                    item.position, header.id, header.source.rawValue, header.sequence, header.type.rawValue,
                    header.subject, item.message.headerBytes, item.message.data, item.message.signature,
                    item.receivedAt.timeIntervalSince1970, item.verified,
                ])
                try log.execute(arguments: [
                    header.source.rawValue, header.id, header.sequence, item.receivedAt.timeIntervalSince1970,
                ])
                try applier?(db, item)
            }
            var topicHeads: [String: Int64] = [:]
            for item in broadcasts {
                let header = item.message.header
                guard let topic = item.topic else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO broadcast (topic, tseq, id, source, type, header, data, signature, receivedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        topic, item.position, header.id, header.source.rawValue, header.type.rawValue,
                        item.message.headerBytes, item.message.data, item.message.signature,
                        item.receivedAt.timeIntervalSince1970,
                    ])
                try applier?(db, item)
                topicHeads[topic] = item.position
            }
            for (topic, head) in topicHeads {
                try db.execute(
                    sql: """
                        INSERT INTO topic (name, lastSequence) VALUES (?, ?)
                        ON CONFLICT(name) DO UPDATE SET lastSequence = excluded.lastSequence
                        """, arguments: [topic, head])
            }
            if !deliveries.isEmpty { try Self.setCounter(db, "lastDelivery", lastDelivery) }
        }
    }

    /// Addressed messages received after `position`, in delivery order.
    package func inbox(after position: Int64, limit: Int) async throws -> [InboxMessage] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT delivery, header, data, signature, receivedAt, verified FROM inbox WHERE delivery > ? ORDER BY delivery LIMIT ?",
                arguments: [position, limit]
            ).map { row in
                InboxMessage(
                    position: row[0], topic: nil,
                    message: try WireMessage.decode(frames: [row[1], row[2], row[3]]),
                    receivedAt: Date(timeIntervalSince1970: row[4]), verified: row[5])
            }
        }
    }

    /// Broadcasts received on `topic` after `position`, in order.
    package func broadcasts(topic: String, after position: Int64, limit: Int) async throws -> [InboxMessage] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT tseq, header, data, signature, receivedAt FROM broadcast
                    WHERE topic = ? AND tseq > ? ORDER BY tseq LIMIT ?
                    """,
                arguments: [topic, position, limit]
            ).map { row in
                InboxMessage(
                    position: row[0], topic: topic,
                    message: try WireMessage.decode(frames: [row[1], row[2], row[3]]),
                    receivedAt: Date(timeIntervalSince1970: row[4]))
            }
        }
    }
}
