import Foundation
import GRDB
import JSONSchema
import XianjieMessages
import XianjieNode

/// One document on the desk: sent (`out`, from the outbox) or received (`in`, from the inbox).
package struct DeskDocument: Codable, Sendable, Equatable {
    package var id: String
    package var direction: String
    package var type: MessageType
    package var subject: String?
    package var source: AgencyID
    package var recipients: [AgencyID]
    package var at: Date
    /// `received`; or for what this agency sent: `pending` (the coordinator has not answered yet),
    /// `accepted` or `rejected`.
    package var state: String
    /// Why the coordinator refused it.
    package var rejection: String?
    package var data: JSONValue?
}

/// An item on the desk: everything with one subject (a suggestion, a case, a clue, a meeting).
package struct DeskItem: Codable, Sendable, Equatable {
    package var subject: String
    package var openedAt: Date
    package var updatedAt: Date
    package var documents: Int
    /// The newest document's type (refused ones do not count).
    package var lastType: MessageType
    package var lastDirection: String
    /// The agencies this item was exchanged with.
    package var counterparts: [AgencyID]
    /// A received document still unanswered by this agency (nothing sent about it after it).
    package var awaitingAction: Bool
}

/// The desk's index over the node's own store: the inbox and outbox, filed by subject. It lives in the
/// node's SQLite file and is brought up to date from the two tables before every read, so it can never
/// miss a document, whatever wrote it (this desk, `xianjie send`, or a crash halfway).
package final class DeskStore: Sendable {
    package let writer: any DatabaseWriter
    package let agency: AgencyID

    package init(writer: any DatabaseWriter, agency: AgencyID) throws {
        self.writer = writer
        self.agency = agency
        try writer.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS desk_document (
                        direction TEXT NOT NULL,
                        ref INTEGER NOT NULL,
                        id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        subject TEXT,
                        source TEXT NOT NULL,
                        recipients TEXT NOT NULL,
                        at REAL NOT NULL,
                        PRIMARY KEY (direction, ref)
                    );
                    CREATE INDEX IF NOT EXISTS desk_document_subject ON desk_document(subject, at);
                    CREATE INDEX IF NOT EXISTS desk_document_id ON desk_document(id);
                    CREATE TABLE IF NOT EXISTS desk_cursor (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                    """)
            try AttachmentStore.createTables(db)
            try ImportStore.createTables(db)
            try DeskRegisters.createTables(db)
        }
    }

    /// Files every outbox and inbox row not yet filed (and reassembles received attachments).
    package func refresh() async throws {
        try await writer.write { db in try Self.refresh(db) }
    }

    static func refresh(_ db: Database) throws {
        let outCursor = try Int64.fetchOne(db, sql: "SELECT value FROM desk_cursor WHERE name = 'out'") ?? 0
        let inCursor = try Int64.fetchOne(db, sql: "SELECT value FROM desk_cursor WHERE name = 'in'") ?? 0
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO desk_document (direction, ref, id, type, subject, source, recipients, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var lastOut = outCursor
        for row in try Row.fetchAll(
            db, sql: "SELECT sequence, header, createdAt FROM outbox WHERE sequence > ? ORDER BY sequence", arguments: [outCursor])
        {
            let sequence: Int64 = row[0]
            let header = try XianjieJSON.decode(EnvelopeHeader.self, from: row[1] as Data)
            try insert.execute(arguments: [
                "out", sequence, header.id, header.type.rawValue, header.subject, header.source.rawValue,
                (header.recipients ?? []).map(\.rawValue).joined(separator: ","), row[2] as Double,
            ])
            lastOut = sequence
        }
        var lastIn = inCursor
        for row in try Row.fetchAll(
            db, sql: "SELECT delivery, header, data, receivedAt FROM inbox WHERE delivery > ? ORDER BY delivery",
            arguments: [inCursor])
        {
            let delivery: Int64 = row[0]
            let header = try XianjieJSON.decode(EnvelopeHeader.self, from: row[1] as Data)
            try insert.execute(arguments: [
                "in", delivery, header.id, header.type.rawValue, header.subject, header.source.rawValue,
                (header.recipients ?? []).map(\.rawValue).joined(separator: ","), row[3] as Double,
            ])
            if header.type == AttachmentChunk.messageType {
                try AttachmentStore.receive(db, chunk: XianjieJSON.decode(AttachmentChunk.self, from: row[2] as Data))
            }
            lastIn = delivery
        }
        if lastOut != outCursor {
            try db.execute(sql: "INSERT OR REPLACE INTO desk_cursor (name, value) VALUES ('out', ?)", arguments: [lastOut])
        }
        if lastIn != inCursor {
            try db.execute(sql: "INSERT OR REPLACE INTO desk_cursor (name, value) VALUES ('in', ?)", arguments: [lastIn])
        }
    }

    /// Types that are not steps of an item (the bytes of attachments).
    static let hiddenTypes: [String] = [AttachmentChunk.messageType.rawValue]

    /// Items, newest first. `query` matches the subject; `awaiting` keeps those waiting for this agency.
    package func items(query: String? = nil, limit: Int = 100, offset: Int = 0) async throws -> [DeskItem] {
        try await refresh()
        return try await writer.read { db in
            var sql = """
                SELECT d.subject, MIN(d.at), MAX(d.at), COUNT(*) FROM desk_document d
                LEFT JOIN outbox o ON d.direction = 'out' AND o.sequence = d.ref
                WHERE d.subject IS NOT NULL AND d.type NOT IN (\(Self.hiddenList))
                  AND (d.direction = 'in' OR o.state != 2)
                """
            var arguments: StatementArguments = []
            if let query, !query.isEmpty {
                sql += " AND d.subject LIKE ? ESCAPE '\\'"
                arguments += ["%" + Self.likeEscaped(query) + "%"]
            }
            sql += " GROUP BY d.subject ORDER BY MAX(d.at) DESC, d.subject LIMIT ? OFFSET ?"
            arguments += [limit, offset]
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            return try rows.map { row in
                let subject: String = row[0]
                let documents = try Self.documents(db, subject: subject, withData: false).filter { $0.state != "rejected" }
                let last = documents.last
                var counterparts = Set<AgencyID>()
                for document in documents {
                    if document.direction == "in" { counterparts.insert(document.source) }
                    for recipient in document.recipients { counterparts.insert(recipient) }
                }
                counterparts.remove(agency)
                return DeskItem(
                    subject: subject, openedAt: Date(timeIntervalSince1970: row[1]),
                    updatedAt: Date(timeIntervalSince1970: row[2]), documents: row[3],
                    lastType: last?.type ?? "", lastDirection: last?.direction ?? "in",
                    counterparts: counterparts.sorted(),
                    awaitingAction: last?.direction == "in" && last?.type != DeadlineNotice.messageType)
            }
        }
    }

    /// Whether anything with this subject is on the desk (sent and not refused, or received), or it is an
    /// item of a list this desk received.
    package func knows(subject: String) async throws -> Bool {
        try await refresh()
        return try await writer.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM desk_document d LEFT JOIN outbox o ON d.direction = 'out' AND o.sequence = d.ref
                    WHERE d.subject = ? AND (d.direction = 'in' OR o.state != 2))
                    OR EXISTS (\(Self.listsHolding))
                    """, arguments: [subject, subject, subject]) ?? false
        }
    }

    /// Agencies that sent this desk documents about `subject`, or the list `subject` is an item of.
    package func senders(of subject: String) async throws -> [AgencyID] {
        try await refresh()
        return try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT d.source FROM desk_document d WHERE d.direction = 'in' AND d.source != 'coordinator'
                      AND (d.subject = ? OR d.subject IN (\(Self.listsHolding)))
                    """, arguments: [subject, subject, subject]
            ).map { AgencyID($0) }
        }
    }

    /// The subjects of received lists (问题清单, 责任清单) that name `?` as one of their items.
    private static let listsHolding = """
        SELECT l.subject FROM desk_document l JOIN inbox i ON l.direction = 'in' AND i.delivery = l.ref
        WHERE l.type IN ('xianjie.issueList', 'xianjie.responsibilityList') AND (
          EXISTS (SELECT 1 FROM json_each(CAST(i.data AS TEXT), '$.items') WHERE json_extract(value, '$.itemId') = ?)
          OR EXISTS (SELECT 1 FROM json_each(CAST(i.data AS TEXT), '$.assignments') WHERE json_extract(value, '$.itemId') = ?))
        """

    /// An item's documents, oldest first, with their payloads.
    package func documents(subject: String) async throws -> [DeskDocument] {
        try await refresh()
        return try await writer.read { db in try Self.documents(db, subject: subject, withData: true) }
    }

    /// Received documents after a delivery position (the inbox, for systems that poll it).
    package func received(after position: Int64, limit: Int) async throws -> [(position: Int64, document: DeskDocument)] {
        try await refresh()
        return try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.ref, d.id, d.type, d.subject, d.source, d.recipients, d.at, i.data FROM desk_document d
                    JOIN inbox i ON i.delivery = d.ref WHERE d.direction = 'in' AND d.ref > ?
                      AND d.type NOT IN (\(Self.hiddenList)) ORDER BY d.ref LIMIT ?
                    """, arguments: [position, limit]
            ).map { row in
                (row[0], Self.document(row, direction: "in", state: "received", rejection: nil, data: row[7]))
            }
        }
    }

    /// One document this agency sent, by id.
    package func sent(id: String) async throws -> DeskDocument? {
        try await refresh()
        return try await writer.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT d.ref, d.id, d.type, d.subject, d.source, d.recipients, d.at, o.data, o.state, o.rejection
                    FROM desk_document d JOIN outbox o ON o.sequence = d.ref WHERE d.direction = 'out' AND d.id = ?
                    """, arguments: [id])
            else { return nil }
            return Self.document(row, direction: "out", state: Self.stateName(row[8]), rejection: row[9], data: row[7])
        }
    }

    static func documents(_ db: Database, subject: String, withData: Bool) throws -> [DeskDocument] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.ref, d.id, d.type, d.subject, d.source, d.recipients, d.at,
                       CASE d.direction WHEN 'in' THEN i.data ELSE o.data END, o.state, o.rejection, d.direction
                FROM desk_document d
                LEFT JOIN inbox i ON d.direction = 'in' AND i.delivery = d.ref
                LEFT JOIN outbox o ON d.direction = 'out' AND o.sequence = d.ref
                WHERE d.subject = ? AND d.type NOT IN (\(hiddenList)) ORDER BY d.at, d.direction, d.ref
                """, arguments: [subject]
        ).map { row in
            let direction: String = row[10]
            return document(
                row, direction: direction, state: direction == "in" ? "received" : stateName(row[8]), rejection: row[9],
                data: withData ? row[7] : nil)
        }
    }

    private static func document(_ row: Row, direction: String, state: String, rejection: String?, data: Data?) -> DeskDocument {
        let recipients: String = row[5]
        return DeskDocument(
            id: row[1], direction: direction, type: MessageType(rawValue: row[2]), subject: row[3],
            source: AgencyID(rawValue: row[4]),
            recipients: recipients.split(separator: ",").map { AgencyID(rawValue: String($0)) },
            at: Date(timeIntervalSince1970: row[6]), state: state, rejection: rejection,
            data: data.flatMap { try? JSONValue.parse($0) })
    }

    private static func stateName(_ state: Int?) -> String {
        switch state {
        case 1: "accepted"
        case 2: "rejected"
        default: "pending"
        }
    }

    private static var hiddenList: String { hiddenTypes.map { "'\($0)'" }.joined(separator: ",") }

    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
