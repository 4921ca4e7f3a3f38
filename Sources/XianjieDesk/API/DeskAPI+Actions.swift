import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import JSONSchema
import XianjieMessages
import XianjieNode

extension DeskAPI {
    /// What an action answers: the document as sent, and the coordinator's verdict when it came in time.
    struct ActionResult: Encodable {
        var id: String
        var sequence: Int64?
        var type: MessageType
        var subject: String
        var recipients: [AgencyID]
        /// `accepted`; or `pending`: committed to the outbox, sent until the coordinator answers.
        var outcome: String
        var item: String
        var attachments: [AttachmentRef]?
        var note: String?
    }

    /// Checks a request for `action`, sends the document (after its attachments' chunks) and waits for
    /// the coordinator's verdict. Every refusal names the field or rule, and changes nothing on the desk.
    func perform(_ action: DeskAction, id pathID: String?, request: Request) async throws -> Response {
        let body = try await DeskJSON.body(request)
        guard case .object(let members) = body.value else {
            throw DeskProblem(.unprocessableContent, "invalidBody", "the body must be a JSON object {\"data\": {…}}", field: "/")
        }
        if let unknown = members.keys.sorted().first(where: { !["data", "to", "requestId"].contains($0) }) {
            throw DeskProblem(
                .unprocessableContent, "invalidBody", "unknown member \"\(unknown)\"; the body has data, to and requestId",
                field: "/\(unknown)", rule: "additionalProperties")
        }
        guard case .object(var data)? = members["data"] else {
            throw DeskProblem(
                .unprocessableContent, "invalidBody", "\"data\" must be the \(action.type) document as a JSON object",
                field: "/data", rule: "required")
        }
        // The item's id: from the path, and the document must agree.
        if let pathID {
            if let given = data[action.subjectField] {
                guard given.stringValue == pathID else {
                    throw DeskProblem(
                        .unprocessableContent, "pathMismatch",
                        "data.\(action.subjectField) is \(given.brief) but the path names \(pathID)",
                        field: "/data/\(action.subjectField)", rule: "pathMismatch")
                }
            } else {
                data[action.subjectField] = .string(pathID)
            }
        }
        if let stamp = action.stampField, data[stamp] == nil {
            data[stamp] = .string(Self.timestamp(Date()))
        }
        let document = JSONValue.object(data)
        try validate(document, as: action.type)
        guard let subject = data[action.subjectField]?.stringValue else {
            throw DeskProblem(.unprocessableContent, "invalidBody", "data.\(action.subjectField) is required", field: "/data/\(action.subjectField)")
        }
        if let pathID, !(try await store.knows(subject: pathID)) {
            throw DeskProblem(
                .notFound, "unknownItem",
                "\(pathID) is not on this desk: nothing about it was received or sent here", field: action.subjectField)
        }
        let requestId = try Self.requestID(members["requestId"])
        let recipients = try await recipients(for: action, data: data, subject: subject, to: members["to"])
        let attachments = try await attachments(in: data)

        // The chunks first, then the document: one outbox transaction, so the document never arrives
        // without its files, and a resubmitted requestId sends nothing twice.
        let documentID = requestId ?? UUID().uuidString.lowercased()
        var drafts: [(header: EnvelopeHeader, data: Data)] = []
        for stored in attachments {
            let chunks = try await runtime.store.writer.read { db in try AttachmentStore.chunks(db, of: stored) }
            for chunk in chunks {
                let header = try runtime.draft(
                    type: AttachmentChunk.messageType, to: recipients, subject: subject,
                    id: "\(documentID).\(stored.sha256.prefix(16)).\(chunk.index)", causationid: documentID)
                drafts.append((header, try XianjieJSON.encode(chunk)))
            }
        }
        let header = try runtime.draft(type: action.type, to: recipients, subject: subject, id: documentID)
        drafts.append((header, Data(document.serialized().utf8)))
        let sent = try await runtime.send(drafts)
        guard let message = sent.last else { throw DeskProblem(.internalServerError, "internal", "nothing was sent") }
        logger.info(
            "desk: \(action.name)",
            metadata: ["xianjie.subject": "\(subject)", "xianjie.id": "\(documentID)", "xianjie.type": "\(action.type)"])

        var result = ActionResult(
            id: message.header.id, sequence: message.header.sequence, type: action.type, subject: subject,
            recipients: recipients, outcome: "pending",
            item: "/api/v1/items/" + (subject.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? subject),
            attachments: attachments.isEmpty ? nil : attachments.map(\.reference))
        do {
            switch try await runtime.outcome(of: message, timeout: .milliseconds(configuration.desk.verdictTimeoutMs)) {
            case .accepted:
                result.outcome = "accepted"
                return DeskJSON.response(result, status: .created)
            case .rejected(_, _, let reason):
                throw Self.refusal(reason, type: action.type)
            }
        } catch let error as NodeError where error.code == .timeout {
            result.note = "the coordinator has not answered yet; the document stays in the outbox and is sent until it does (GET /api/v1/documents/\(documentID))"
            return DeskJSON.response(result, status: .accepted)
        }
    }

    /// The coordinator's refusal as an API error: `workflowViolation(ratingBeforeReply): …` → 409 with its rule.
    static func refusal(_ reason: String, type: MessageType) -> DeskProblem {
        let head = reason.prefix { $0 != ":" }
        let code = String(head.prefix { $0 != "(" })
        var rule: String?
        if let open = head.firstIndex(of: "("), let close = head.lastIndex(of: ")"), open < close {
            rule = String(head[head.index(after: open)..<close])
        }
        let detail = reason.dropFirst(head.count).drop { $0 == ":" || $0 == " " }
        let status: HTTPResponse.Status =
            switch code {
            case "workflowViolation", "protocolViolation": .conflict
            case "forbidden", "unknownRecipient": .forbidden
            default: .unprocessableContent
            }
        return DeskProblem(status, code, "the coordinator refused the \(type): \(detail)", rule: rule ?? code)
    }

    /// The document against its JSON Schema: every problem with its JSON Pointer under `/data`.
    func validate(_ document: JSONValue, as type: MessageType) throws {
        guard let descriptor = MessageCatalog.descriptor(for: type), let schema = EnvelopeValidator.compiledSchemas[descriptor.schemaID]
        else { throw DeskProblem(.internalServerError, "internal", "no schema for \(type)") }
        let errors = schema.validate(document)
        guard let first = errors.first else { return }
        let details = errors.map { error -> DeskProblem.Detail in
            var field = "/data" + error.instancePath
            if error.keyword == "required", let name = error.message.split(separator: "\"").dropFirst().first {
                field += "/\(name)"
            }
            return DeskProblem.Detail(field: field, rule: error.keyword, message: error.message)
        }
        throw DeskProblem(
            .unprocessableContent, "schemaViolation",
            "the \(type) document breaks its schema (\(descriptor.schemaID)): \(details[0].field ?? ""): \(first.message)"
                + (errors.count > 1 ? " (and \(errors.count - 1) more)" : ""),
            field: details[0].field, rule: first.keyword, problems: details)
    }

    static func requestID(_ value: JSONValue?) throws -> String? {
        guard let value else { return nil }
        guard let id = value.stringValue, id.range(of: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", options: .regularExpression) != nil else {
            throw DeskProblem(
                .unprocessableContent, "invalidBody",
                "requestId must be 1 to 64 letters, digits, . _ : - (a retry with the same requestId sends nothing twice)",
                field: "/requestId", rule: "pattern")
        }
        return id
    }

    /// `to` when given; otherwise the action's routes.
    func recipients(for action: DeskAction, data: [String: JSONValue], subject: String, to: JSONValue?) async throws -> [AgencyID] {
        var out: [AgencyID] = []
        if let to {
            guard let list = to.arrayValue, !list.isEmpty else {
                throw DeskProblem(.unprocessableContent, "invalidBody", "to must be a non-empty array of agency ids", field: "/to", rule: "type")
            }
            for (index, entry) in list.enumerated() {
                guard let id = entry.stringValue.map({ AgencyID($0) }), id.isWellFormed else {
                    throw DeskProblem(
                        .unprocessableContent, "invalidBody", "to[\(index)] is not an agency id", field: "/to/\(index)", rule: "pattern")
                }
                out.append(id)
            }
            return Array(Set(out)).sorted()
        }
        for route in action.routes {
            switch route {
            case .own: out.append(agency)
            case .counterpart(let role):
                guard let id = configuration.desk.counterparts[role] else {
                    throw DeskProblem(
                        .unprocessableContent, "noRecipient",
                        "this desk has no \(role) configured (desk.counterparts.\(role)); name the recipients in \"to\"",
                        field: "/to", rule: "noRecipient")
                }
                out.append(id)
            case .field(let name):
                switch data[name] {
                case .string(let id)?: out.append(AgencyID(id))
                case .array(let ids)?: out += ids.compactMap { $0.stringValue.map { AgencyID($0) } }
                default: break
                }
            case .senders:
                out += try await store.senders(of: subject)
            case .listed(let array, let field):
                out += (data[array]?.arrayValue ?? []).compactMap { $0[field]?.stringValue.map { AgencyID($0) } }
            }
        }
        out = Array(Set(out)).sorted()
        guard !out.isEmpty else {
            throw DeskProblem(
                .unprocessableContent, "noRecipient", "nobody to send the \(action.type) to; name the recipients in \"to\"",
                field: "/to", rule: "noRecipient")
        }
        return out
    }

    /// The files a document references: each must be on this desk, whole, with the same size and type.
    func attachments(in data: [String: JSONValue]) async throws -> [StoredAttachment] {
        guard let list = data["attachments"]?.arrayValue else { return [] }
        var out: [StoredAttachment] = []
        for (index, entry) in list.enumerated() {
            let field = "/data/attachments/\(index)"
            guard let sha = entry["sha256"]?.stringValue,
                let stored = try await runtime.store.writer.read({ db in try AttachmentStore.attachment(db, sha256: sha) }),
                stored.complete
            else {
                throw DeskProblem(
                    .unprocessableContent, "unknownAttachment",
                    "attachment \(index) is not on this desk; upload it first (POST /api/v1/attachments) and use the sha256 it answers",
                    field: field + "/sha256", rule: "unknownAttachment")
            }
            if let size = entry["size"]?.int64Value, size != stored.size {
                throw DeskProblem(
                    .unprocessableContent, "attachmentMismatch", "attachment \(index) is \(stored.size) bytes, not \(size)",
                    field: field + "/size", rule: "attachmentMismatch")
            }
            if !out.contains(where: { $0.sha256 == sha }) { out.append(stored) }
        }
        return out
    }

    static func timestamp(_ date: Date) -> String { Timestamp.format(date) }
}
