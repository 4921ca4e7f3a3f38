import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import XianjieMessages

extension DeskAPI {
    /// `POST /api/v1/attachments?name=…` with the file as the body (its media type as Content-Type):
    /// stored in chunks as it streams in, answered with its SHA-256 and size for the document's
    /// `attachments`. `GET /api/v1/attachments/{sha256}` describes one, `…/content` returns its bytes.
    func addAttachmentRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/v1/attachments") { request, _ in try await upload(request) }
        router.get("/api/v1/attachments") { _, _ in
            let list = try await runtime.store.writer.read { db in try AttachmentStore.all(db, limit: 500) }
            return DeskJSON.response(["attachments": list])
        }
        router.get("/api/v1/attachments/:sha256") { _, context in
            DeskJSON.response(try await attachment(try context.parameters.require("sha256")))
        }
        router.get("/api/v1/attachments/:sha256/content") { _, context in
            try await content(try context.parameters.require("sha256"))
        }
    }

    static let mediaTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "text/plain", "text/csv",
        "application/zip", "application/ofd", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    func upload(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        guard let name = query["name"].map(String.init), !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 200 else {
            throw DeskProblem(
                .badRequest, "invalidParameter", "name (the file's name, up to 200 characters) is required: ?name=…",
                field: "name", rule: "required")
        }
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        guard Self.mediaTypes.contains(mediaType) else {
            throw DeskProblem(
                .unsupportedMediaType, "unsupportedMediaType",
                "Content-Type \"\(mediaType)\" is not accepted; send one of \(Self.mediaTypes.sorted().joined(separator: ", "))",
                field: "Content-Type", rule: "mediaType")
        }
        let limit = configuration.desk.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw DeskProblem(.contentTooLarge, "tooLarge", "the file is \(length) bytes; this desk takes up to \(limit)", rule: "maxUploadBytes")
        }
        let upload = AttachmentUpload(writer: runtime.store.writer, name: name, mediaType: mediaType, limit: limit)
        do {
            for try await buffer in request.body {
                try await upload.append(buffer.readableBytesView)
            }
        } catch is AttachmentUpload.TooLarge {
            throw DeskProblem(.contentTooLarge, "tooLarge", "the file is over \(limit) bytes, this desk's limit", rule: "maxUploadBytes")
        } catch {
            try? await upload.discard()
            throw error
        }
        let stored = try await upload.finish()
        logger.info("desk: attachment stored", metadata: ["xianjie.sha256": "\(stored.sha256)", "xianjie.size": "\(stored.size)"])
        return DeskJSON.response(stored, status: .created)
    }

    func attachment(_ sha: String) async throws -> StoredAttachment {
        guard let stored = try await runtime.store.writer.read({ db in try AttachmentStore.attachment(db, sha256: sha) }) else {
            throw DeskProblem(.notFound, "unknownAttachment", "no attachment \(sha) on this desk", field: "sha256")
        }
        return stored
    }

    func content(_ sha: String) async throws -> Response {
        let stored = try await attachment(sha)
        guard stored.complete else {
            throw DeskProblem(
                .conflict, "incompleteAttachment",
                stored.problem ?? "only \(stored.received) of \(stored.chunks) chunks have arrived; the rest follow",
                field: "sha256")
        }
        let writer = runtime.store.writer
        let body = ResponseBody { bodyWriter in
            for index in 0..<stored.chunks {
                guard let data = try await writer.read({ db in try AttachmentStore.blob(db, sha256: sha, index: index) }) else { break }
                try await bodyWriter.write(ByteBuffer(bytes: data))
            }
            try await bodyWriter.finish(nil)
        }
        let disposition = "attachment; filename*=UTF-8''" + (stored.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file")
        return Response(
            status: .ok,
            headers: [
                .contentType: stored.mediaType, .contentLength: String(stored.size), .contentDisposition: disposition,
                HTTPField.Name("X-Content-SHA256")!: stored.sha256,
            ],
            body: body)
    }
}

/// The desk's bearer tokens: only their SHA-256 is configured.
package enum DeskToken {
    package static func hash(_ token: String) -> String {
        AttachmentStore.hexDigest(Data(token.utf8))
    }

    /// A fresh random token (`xianjie-` and 32 hex digits).
    package static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return "xianjie-" + (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
