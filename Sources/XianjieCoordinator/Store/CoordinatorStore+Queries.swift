import Foundation
import GRDB
import XianjieMessages

extension CoordinatorStore {
    /// The queued messages for `recipient` after position `after`, in order.
    package func deliveries(for recipient: AgencyID, after: Int64, limit: Int) async throws -> [(
        seq: Int64, message: [Data]
    )] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.seq, m.header, m.data, m.signature FROM delivery d JOIN message m ON m.rowid = d.message
                    WHERE d.recipient = ? AND d.seq > ? ORDER BY d.seq LIMIT ?
                    """, arguments: [recipient.rawValue, after, limit]
            ).map { row in (row[0], [row[1], row[2], row[3]]) }
        }
    }

    /// Stored broadcasts of `topic` from `from` through `through`, in order.
    package func broadcasts(topic: String, from: Int64, through: Int64, limit: Int) async throws -> [(
        tseq: Int64, message: [Data]
    )] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT b.tseq, m.header, m.data, m.signature FROM broadcast b JOIN message m ON m.rowid = b.message
                    WHERE b.topic = ? AND b.tseq >= ? AND b.tseq <= ? ORDER BY b.tseq LIMIT ?
                    """, arguments: [topic, from, through, limit]
            ).map { row in (row[0], [row[1], row[2], row[3]]) }
        }
    }

    /// What became of an earlier message of `source` at `sequence`: accepted (with its recipients) or rejected.
    package func outcome(source: AgencyID, sequence: Int64) async throws -> ConsumedOutcome? {
        try await writer.read { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT id, recipients, acceptedAt FROM message WHERE source = ? AND sequence = ?",
                arguments: [source.rawValue, sequence])
            {
                let recipients = (row[1] as String).split(separator: ",").map { AgencyID(String($0)) }
                return .accepted(
                    id: row[0], recipients: recipients, at: Date(timeIntervalSince1970: row[2]))
            }
            if let row = try Row.fetchOne(
                db,
                sql: "SELECT id, reason, detail, rule FROM quarantine WHERE source = ? AND sequence = ? ORDER BY id DESC LIMIT 1",
                arguments: [source.rawValue, sequence])
            {
                return .rejected(quarantineId: row[0], reason: row[1], detail: row[2], rule: row[3])
            }
            return nil
        }
    }

    /// A quarantined item, for operators.
    package func quarantinedFrames(id: Int64) throws -> (reason: String, detail: String, frames: [Data])? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT reason, detail, frames FROM quarantine WHERE id = ?", arguments: [id])
            else { return nil }
            return (row[0], row[1], FrameCodec.unpack(row[2]))
        }
    }
}

package enum ConsumedOutcome: Sendable {
    case accepted(id: String, recipients: [AgencyID], at: Date)
    case rejected(quarantineId: Int64, reason: String, detail: String, rule: String?)
}

/// Frames packed into one blob for the quarantine: each as a 4-byte big-endian length then the bytes.
package enum FrameCodec {
    package static func pack(_ frames: [Data]) -> Data {
        var out = Data()
        for frame in frames {
            let count = UInt32(frame.count)
            out.append(contentsOf: [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)])
            out.append(frame)
        }
        return out
    }

    package static func unpack(_ blob: Data) -> [Data] {
        var frames: [Data] = []
        let bytes = [UInt8](blob)
        var index = 0
        while index + 4 <= bytes.count {
            let count = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            index += 4
            guard index + count <= bytes.count else { break }
            frames.append(Data(bytes[index..<index + count]))
            index += count
        }
        return frames
    }
}

extension CoordinatorStore {
    /// The messages a recipient applied in a range of its queue: for delivery receipts.
    package func deliveredMessages(recipient: AgencyID, after: Int64, through: Int64) async throws -> [(
        source: AgencyID, id: String, sequence: Int64, hash: String?, subject: String?
    )] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.source, m.id, m.sequence, m.hash, m.subject FROM delivery d JOIN message m ON m.rowid = d.message
                    WHERE d.recipient = ? AND d.seq > ? AND d.seq <= ? ORDER BY d.seq
                    """, arguments: [recipient.rawValue, after, through]
            ).map { row in (AgencyID(row[0] as String), row[1], row[2], row[3], row[4]) }
        }
    }
}
