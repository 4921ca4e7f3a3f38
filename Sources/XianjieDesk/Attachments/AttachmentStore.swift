import Crypto
import Foundation
import GRDB
import XianjieMessages

/// A file on the desk: uploaded here, or received from another agency in chunks.
package struct StoredAttachment: Codable, Sendable, Equatable {
    package var sha256: String
    package var name: String
    package var mediaType: String
    package var size: Int64
    /// Every chunk is here and the bytes match `sha256` and `size`.
    package var complete: Bool
    /// Chunks received so far, of `chunks`.
    package var received: Int
    package var chunks: Int
    /// Why a received file was refused (its bytes do not match the SHA-256 or size announced).
    package var problem: String?

    package var reference: AttachmentRef { AttachmentRef(name: name, mediaType: mediaType, sha256: sha256, size: size) }
}

/// Attachments in the node's SQLite file, as chunks of ``AttachmentChunk/chunkBytes`` keyed by their
/// SHA-256: the same chunks go over the bus, so a file is never held whole in memory and never truncated.
package enum AttachmentStore {
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS desk_attachment (
                    sha256 TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    mediaType TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    chunks INTEGER NOT NULL,
                    received INTEGER NOT NULL DEFAULT 0,
                    complete INTEGER NOT NULL DEFAULT 0,
                    problem TEXT,
                    createdAt REAL NOT NULL
                );
                CREATE TABLE IF NOT EXISTS desk_blob (
                    owner TEXT NOT NULL,
                    idx INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (owner, idx)
                );
                """)
    }

    /// Files a received chunk; when the last one is in, checks the whole file's size and SHA-256.
    static func receive(_ db: Database, chunk: AttachmentChunk) throws {
        if let existing = try attachment(db, sha256: chunk.sha256), existing.complete { return }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO desk_attachment (sha256, name, mediaType, size, chunks, createdAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [chunk.sha256, chunk.name, chunk.mediaType, chunk.size, chunk.count, Date().timeIntervalSince1970])
        try db.execute(
            sql: "INSERT OR IGNORE INTO desk_blob (owner, idx, data) VALUES (?, ?, ?)",
            arguments: [chunk.sha256, chunk.index, chunk.data])
        guard db.changesCount > 0 else { return }
        try db.execute(sql: "UPDATE desk_attachment SET received = received + 1 WHERE sha256 = ?", arguments: [chunk.sha256])
        guard let stored = try attachment(db, sha256: chunk.sha256), stored.received >= stored.chunks else { return }
        var hash = SHA256()
        var size: Int64 = 0
        let cursor = try Data.fetchCursor(db, sql: "SELECT data FROM desk_blob WHERE owner = ? ORDER BY idx", arguments: [chunk.sha256])
        while let data = try cursor.next() {
            hash.update(data: data)
            size += Int64(data.count)
        }
        let digest = hex(hash.finalize())
        if digest == stored.sha256, size == stored.size {
            try db.execute(sql: "UPDATE desk_attachment SET complete = 1, problem = NULL WHERE sha256 = ?", arguments: [digest])
        } else {
            try db.execute(
                sql: "UPDATE desk_attachment SET problem = ? WHERE sha256 = ?",
                arguments: [
                    "the received bytes (\(size) bytes, SHA-256 \(digest)) do not match the announced \(stored.size) bytes and SHA-256",
                    stored.sha256,
                ])
        }
    }

    package static func attachment(_ db: Database, sha256: String) throws -> StoredAttachment? {
        try Row.fetchOne(
            db, sql: "SELECT sha256, name, mediaType, size, complete, received, chunks, problem FROM desk_attachment WHERE sha256 = ?",
            arguments: [sha256]
        ).map { row in
            StoredAttachment(
                sha256: row[0], name: row[1], mediaType: row[2], size: row[3], complete: row[4], received: row[5],
                chunks: row[6], problem: row[7])
        }
    }

    /// Every attachment, newest first.
    package static func all(_ db: Database, limit: Int) throws -> [StoredAttachment] {
        try String.fetchAll(db, sql: "SELECT sha256 FROM desk_attachment ORDER BY createdAt DESC LIMIT ?", arguments: [limit])
            .compactMap { try attachment(db, sha256: $0) }
    }

    /// The chunk messages that carry a complete attachment.
    package static func chunks(_ db: Database, of stored: StoredAttachment) throws -> [AttachmentChunk] {
        var offset: Int64 = 0
        var out: [AttachmentChunk] = []
        let rows = try Row.fetchAll(db, sql: "SELECT idx, data FROM desk_blob WHERE owner = ? ORDER BY idx", arguments: [stored.sha256])
        for row in rows {
            let data: Data = row[1]
            out.append(
                AttachmentChunk(
                    sha256: stored.sha256, name: stored.name, mediaType: stored.mediaType, size: stored.size, index: row[0],
                    count: rows.count, offset: offset, data: data))
            offset += Int64(data.count)
        }
        return out
    }

    /// The bytes of a complete attachment, chunk by chunk.
    package static func blob(_ db: Database, sha256: String, index: Int) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT data FROM desk_blob WHERE owner = ? AND idx = ?", arguments: [sha256, index])
    }

    static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    package static func hexDigest(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
}

/// An upload in progress: bytes are written as chunk rows under a temporary owner as they arrive, and
/// filed under their SHA-256 when the body ends.
package final class AttachmentUpload: @unchecked Sendable {
    let writer: any DatabaseWriter
    let owner = "upload-" + UUID().uuidString.lowercased()
    let name: String
    let mediaType: String
    let limit: Int
    private var hash = SHA256()
    private var pending = Data()
    private var size: Int64 = 0
    private var index = 0

    package struct TooLarge: Error { package let limit: Int }

    package init(writer: any DatabaseWriter, name: String, mediaType: String, limit: Int) {
        self.writer = writer
        self.name = name
        self.mediaType = mediaType
        self.limit = limit
    }

    package func append(_ bytes: some Collection<UInt8>) async throws {
        size += Int64(bytes.count)
        guard size <= limit else {
            try await discard()
            throw TooLarge(limit: limit)
        }
        pending.append(contentsOf: bytes)
        while pending.count >= AttachmentChunk.chunkBytes {
            let chunk = pending.prefix(AttachmentChunk.chunkBytes)
            pending = Data(pending.dropFirst(AttachmentChunk.chunkBytes))
            try await write(Data(chunk))
        }
    }

    private func write(_ chunk: Data) async throws {
        hash.update(data: chunk)
        let (owner, index) = (self.owner, self.index)
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO desk_blob (owner, idx, data) VALUES (?, ?, ?)", arguments: [owner, index, chunk])
        }
        self.index += 1
    }

    /// Files the upload under its SHA-256 (once: uploading the same bytes again changes nothing).
    package func finish() async throws -> StoredAttachment {
        if !pending.isEmpty || index == 0 { try await write(pending) }
        pending = Data()
        let digest = AttachmentStore.hex(hash.finalize())
        let (owner, name, mediaType, size, chunks) = (self.owner, self.name, self.mediaType, self.size, self.index)
        return try await writer.write { db in
            if let existing = try AttachmentStore.attachment(db, sha256: digest), existing.complete {
                try db.execute(sql: "DELETE FROM desk_blob WHERE owner = ?", arguments: [owner])
                return existing
            }
            try db.execute(sql: "DELETE FROM desk_blob WHERE owner = ?", arguments: [digest])
            try db.execute(sql: "UPDATE desk_blob SET owner = ? WHERE owner = ?", arguments: [digest, owner])
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO desk_attachment (sha256, name, mediaType, size, chunks, received, complete, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?)
                    """, arguments: [digest, name, mediaType, size, chunks, chunks, Date().timeIntervalSince1970])
            return try AttachmentStore.attachment(db, sha256: digest)!
        }
    }

    package func discard() async throws {
        let owner = self.owner
        try await writer.write { db in try db.execute(sql: "DELETE FROM desk_blob WHERE owner = ?", arguments: [owner]) }
    }
}
