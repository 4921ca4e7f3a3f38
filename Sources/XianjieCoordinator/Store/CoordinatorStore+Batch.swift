import Foundation
import GRDB
import XianjieMessages

/// Everything one turn of the coordinator's loop writes, committed in one transaction (group commit).
package struct IngestBatch: Sendable {
    package struct Accepted: Sendable {
        package var message: WireMessage
        package var acceptedAt: Date
        /// Per-recipient queue positions assigned to this message.
        package var deliveries: [(recipient: AgencyID, seq: Int64)]
        /// Topic position, for a broadcast.
        package var broadcast: (topic: String, tseq: Int64)?
        /// The message hash (SHA-256 of its signing input) receipts and the audit chain bind to.
        package var hash: String?

        package init(
            message: WireMessage, acceptedAt: Date, deliveries: [(recipient: AgencyID, seq: Int64)],
            broadcast: (topic: String, tseq: Int64)? = nil, hash: String? = nil
        ) {
            self.hash = hash
            self.message = message
            self.acceptedAt = acceptedAt
            self.deliveries = deliveries
            self.broadcast = broadcast
        }
    }

    package struct Quarantined: Sendable {
        package var peer: String
        package var source: AgencyID?
        package var sequence: Int64?
        package var messageId: String?
        package var reason: Rejection.Reason
        package var detail: String
        package var frames: [Data]
        /// The joint-protocol rule broken, for a `workflowViolation`.
        package var rule: String? = nil
    }

    package struct NodeInfo: Sendable {
        package var agency: AgencyID
        package var kind: String
        package var softwareVersion: String
    }

    package var accepted: [Accepted] = []
    package var quarantined: [Quarantined] = []
    /// Highest consumed sequence per source (accepted or rejected), after this batch.
    package var sourceSequences: [AgencyID: Int64] = [:]
    /// New queue tails per recipient, after this batch.
    package var queueTails: [AgencyID: Int64] = [:]
    package var topicHeads: [String: Int64] = [:]
    /// Advanced acknowledgements: recipient → (previous, new) ackedThrough.
    package var acks: [AgencyID: (from: Int64, to: Int64)] = [:]
    package var nodes: [NodeInfo] = []
    package var lastSeen: [AgencyID: Date] = [:]
    /// Entries for the audit chain, appended in this order in the same transaction.
    package var audit: [PendingAudit] = []
    /// The joint protocols' changes of this turn.
    package var workflow = WorkflowWrites()
    /// Federation links: the position in each link's inbox admitted through, after this batch.
    package var federationCursors: [AgencyID: Int64] = [:]

    package init() {}

    package var isEmpty: Bool {
        accepted.isEmpty && quarantined.isEmpty && sourceSequences.isEmpty && acks.isEmpty && nodes.isEmpty
            && lastSeen.isEmpty && audit.isEmpty && workflow.isEmpty && federationCursors.isEmpty
    }
}

/// Where things stood when the coordinator last stopped.
package struct PersistedState: Sendable {
    package var sourceSequences: [AgencyID: Int64] = [:]
    package var queueTails: [AgencyID: Int64] = [:]
    package var ackedThrough: [AgencyID: Int64] = [:]
    package var topicHeads: [String: Int64] = [:]
    package var nodeKinds: [AgencyID: (kind: String?, version: String?, lastSeen: Date?)] = [:]
    package var messagesStored: Int64 = 0
    package var quarantined: Int64 = 0
    package var federationCursors: [AgencyID: Int64] = [:]
}

extension CoordinatorStore {
    package func loadState() throws -> PersistedState {
        try writer.read { db in
            var state = PersistedState()
            for row in try Row.fetchAll(db, sql: "SELECT agency, lastSequence FROM source") {
                state.sourceSequences[AgencyID(row[0] as String)] = row[1]
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT agency, lastQueued, ackedThrough, kind, softwareVersion, lastSeen FROM recipient")
            {
                let agency = AgencyID(row[0] as String)
                state.queueTails[agency] = row[1]
                state.ackedThrough[agency] = row[2]
                let seen: Double? = row[5]
                state.nodeKinds[agency] = (row[3], row[4], seen.map { Date(timeIntervalSince1970: $0) })
            }
            for row in try Row.fetchAll(db, sql: "SELECT name, head FROM topic") {
                state.topicHeads[row[0] as String] = row[1]
            }
            state.messagesStored = try Int64.fetchOne(db, sql: "SELECT count(*) FROM message") ?? 0
            state.quarantined = try Int64.fetchOne(db, sql: "SELECT count(*) FROM quarantine") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT link, position FROM federation_cursor") {
                state.federationCursors[AgencyID(row[0] as String)] = row[1]
            }
            return state
        }
    }

    /// Commits a batch; returns the quarantine ids assigned, in the order of `batch.quarantined`.
    package func commit(_ batch: IngestBatch) async throws -> [Int64] {
        try await writer.write { db in
            let insertMessage = try db.cachedStatement(
                sql: """
                    INSERT INTO message (id, source, sequence, type, subject, topic, recipients, header, data, signature, acceptedAt, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertDelivery = try db.cachedStatement(
                sql: "INSERT INTO delivery (recipient, seq, message) VALUES (?, ?, ?)")
            let insertBroadcast = try db.cachedStatement(
                sql: "INSERT INTO broadcast (topic, tseq, message) VALUES (?, ?, ?)")
            for accepted in batch.accepted {
                let header = accepted.message.header
                let recipients = (header.recipients ?? []).map(\.rawValue).joined(separator: ",")
                try insertMessage.execute(arguments: [
                    header.id, header.source.rawValue, header.sequence, header.type.rawValue, header.subject,
                    header.topic, recipients, accepted.message.headerBytes, accepted.message.data,
                    accepted.message.signature, accepted.acceptedAt.timeIntervalSince1970, accepted.hash,
                ])
                let rowid = db.lastInsertedRowID
                for delivery in accepted.deliveries {
                    try insertDelivery.execute(arguments: [delivery.recipient.rawValue, delivery.seq, rowid])
                }
                if let broadcast = accepted.broadcast {
                    try insertBroadcast.execute(arguments: [broadcast.topic, broadcast.tseq, rowid])
                }
            }
            var quarantineIDs: [Int64] = []
            for item in batch.quarantined {
                try db.execute(
                    sql: """
                        INSERT INTO quarantine (receivedAt, peer, source, sequence, messageId, reason, detail, frames, rule)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        Date().timeIntervalSince1970, item.peer, item.source?.rawValue, item.sequence, item.messageId,
                        item.reason.rawValue, item.detail, FrameCodec.pack(item.frames), item.rule,
                    ])
                quarantineIDs.append(db.lastInsertedRowID)
            }
            for (agency, sequence) in batch.sourceSequences {
                try db.execute(
                    sql: """
                        INSERT INTO source (agency, lastSequence) VALUES (?, ?)
                        ON CONFLICT(agency) DO UPDATE SET lastSequence = excluded.lastSequence
                        """, arguments: [agency.rawValue, sequence])
            }
            for (agency, tail) in batch.queueTails {
                try db.execute(
                    sql: """
                        INSERT INTO recipient (agency, lastQueued) VALUES (?, ?)
                        ON CONFLICT(agency) DO UPDATE SET lastQueued = excluded.lastQueued
                        """, arguments: [agency.rawValue, tail])
            }
            for (topic, head) in batch.topicHeads {
                try db.execute(
                    sql: """
                        INSERT INTO topic (name, head) VALUES (?, ?)
                        ON CONFLICT(name) DO UPDATE SET head = excluded.head
                        """, arguments: [topic, head])
            }
            let now = Date().timeIntervalSince1970
            for (agency, range) in batch.acks {
                try db.execute(
                    sql: """
                        INSERT INTO recipient (agency, ackedThrough) VALUES (?, ?)
                        ON CONFLICT(agency) DO UPDATE SET ackedThrough = excluded.ackedThrough
                        """, arguments: [agency.rawValue, range.to])
                try db.execute(
                    sql: "UPDATE delivery SET ackedAt = ? WHERE recipient = ? AND seq > ? AND seq <= ? AND ackedAt IS NULL",
                    arguments: [now, agency.rawValue, range.from, range.to])
            }
            for node in batch.nodes {
                try db.execute(
                    sql: """
                        INSERT INTO recipient (agency, kind, softwareVersion) VALUES (?, ?, ?)
                        ON CONFLICT(agency) DO UPDATE SET kind = excluded.kind, softwareVersion = excluded.softwareVersion
                        """, arguments: [node.agency.rawValue, node.kind, node.softwareVersion])
            }
            for (agency, seen) in batch.lastSeen {
                try db.execute(
                    sql: """
                        INSERT INTO recipient (agency, lastSeen) VALUES (?, ?)
                        ON CONFLICT(agency) DO UPDATE SET lastSeen = excluded.lastSeen
                        """, arguments: [agency.rawValue, seen.timeIntervalSince1970])
            }
            for (link, position) in batch.federationCursors {
                try db.execute(
                    sql: """
                        INSERT INTO federation_cursor (link, position) VALUES (?, ?)
                        ON CONFLICT(link) DO UPDATE SET position = excluded.position
                        """, arguments: [link.rawValue, position])
            }
            try Self.writeWorkflow(db, batch.workflow)
            try Self.appendAudit(db, batch.audit)
            return quarantineIDs
        }
    }
}
