import Foundation
import JSONSchema
import XianjieMessages

/// The OpenAPI 3.1 description of a kind's desk API, generated from its actions so the document and the
/// code cannot drift: `schemas/openapi/<kind>.openapi.json` is this, written by `scripts/openapi`
/// (DeskOpenAPITests fails when the committed file differs).
package enum DeskOpenAPI {
    static let schemaBase = "https://schemas.xianjie.invalid/"

    /// The document as committed: pretty, keys sorted, one newline at the end.
    package static func text(for kind: DeskKind) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(document(for: kind).serialized(sortedKeys: true).utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    package static func document(for kind: DeskKind) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        func get(_ path: String, _ id: String, _ summary: String, parameters: [JSONValue] = [], response: JSONValue, errors: [Int] = []) {
            paths[path, default: .object([:])] = merged(
                paths[path],
                [
                    "get": .object([
                        "operationId": .string(id), "summary": .string(summary), "parameters": .array(parameters),
                        "responses": responses(["200": response], errors: errors),
                    ])
                ])
        }
        let idParameter = parameter("id", in: "path", "The item's id (a suggestion id, case id, clue id…), percent-encoded.")
        get("/health", "health", "Liveness: {\"status\": \"live\"}.", response: ok("Live", ref: nil))
        get("/api/v1/about", "about", "This desk: agency, kind, counterparts and every action it offers.", response: ok("The desk", ref: "About"))
        get("/api/v1/status", "status", "The node's outbox and inbox counts.", response: ok("Status", ref: "Status"))
        get(
            "/api/v1/items", "listItems", "Items (everything with one subject), newest first.",
            parameters: [
                parameter("q", in: "query", "Part of the subject to look for.", required: false),
                parameter("limit", in: "query", "1…1000, default 100.", required: false, type: "integer"),
                parameter("offset", in: "query", "Default 0.", required: false, type: "integer"),
            ], response: ok("Items", ref: "ItemList"), errors: [400])
        get(
            "/api/v1/items/{id}", "getItem",
            "An item's documents, oldest first; for the congress and the procuratorate the coordinator's state of its process; what is due about it.",
            parameters: [idParameter], response: ok("The item", ref: "ItemView"), errors: [404])
        get(
            "/api/v1/inbox", "inbox", "Documents received after a position (poll with the last position seen).",
            parameters: [
                parameter("after", in: "query", "Position after which to read; default 0.", required: false, type: "integer"),
                parameter("limit", in: "query", "1…1000, default 100.", required: false, type: "integer"),
            ], response: ok("Received documents", ref: "Inbox"), errors: [400])
        get(
            "/api/v1/documents/{id}", "getSentDocument", "A document this agency sent, with the coordinator's verdict.",
            parameters: [parameter("id", in: "path", "The document's id (requestId).")], response: ok("The document", ref: "Document"),
            errors: [404])
        get("/api/v1/due", "due", "What this agency owes or supervises, from the coordinator's deadline engine.",
            response: ok("Deadlines", ref: nil, external: "../messages/bus-due-report.v1.schema.json"), errors: [503])
        get("/api/v1/attachments", "listAttachments", "Files on this desk.", response: ok("Attachments", ref: "AttachmentList"))
        get(
            "/api/v1/attachments/{sha256}", "getAttachment", "One file: name, type, size, whether all of it is here.",
            parameters: [parameter("sha256", in: "path", "The file's SHA-256, lower-case hex.")], response: ok("The file", ref: "Attachment"),
            errors: [404])
        get(
            "/api/v1/attachments/{sha256}/content", "downloadAttachment", "The file's bytes (X-Content-SHA256 header).",
            parameters: [parameter("sha256", in: "path", "The file's SHA-256, lower-case hex.")],
            response: .object(["description": "The bytes", "content": .object(["*/*": .object(["schema": .object(["type": "string", "format": "binary"])])])]),
            errors: [404, 409])
        paths["/api/v1/attachments", default: .object([:])] = merged(
            paths["/api/v1/attachments"],
            [
                "post": .object([
                    "operationId": "uploadAttachment",
                    "summary": "Upload a file (PDF, image…) as the body, its media type as Content-Type; reference the answer in a document's attachments. Stored in 512 KiB chunks; sent over the bus before the document that references it.",
                    "parameters": .array([parameter("name", in: "query", "The file's name.")]),
                    "requestBody": .object([
                        "required": true,
                        "content": .object(["application/pdf": binary, "image/jpeg": binary, "image/png": binary, "*/*": binary]),
                    ]),
                    "responses": responses(["201": ok("Stored", ref: "Attachment")], errors: [400, 413, 415]),
                ])
            ])
        for action in kind.actions {
            let path = "/api/v1/" + action.path
            let schema = MessageCatalog.descriptor(for: action.type)?.schemaID ?? ""
            var operation: [String: JSONValue] = [
                "operationId": .string(action.name),
                "summary": .string("\(action.zh) — \(action.en)"),
                "description": .string(
                    "Sends a \(action.type) document (\(schema)). `data.\(action.subjectField)` names the item"
                        + (action.onItem ? " (filled from the path, which must name an item on this desk)" : "")
                        + (action.stampField.map { "; `data.\($0)` defaults to now" } ?? "")
                        + ". Without `to`, it goes to: \(routeText(action.routes)). 201: the coordinator accepted it; 202: not answered yet, it stays in the outbox and is sent until it is; 409: a joint-protocol rule refuses it now (error.rule); 422: the document breaks its schema (error.field, error.rule)."),
                "requestBody": .object([
                    "required": true,
                    "content": .object([
                        "application/json": .object([
                            "schema": .object([
                                "type": "object", "required": .array(["data"]), "additionalProperties": false,
                                "properties": .object([
                                    "data": .object(["$ref": .string(relative(schema))]),
                                    "to": .object([
                                        "type": "array", "minItems": 1, "items": .object(["type": "string"]),
                                        "description": "Recipients (agency ids); absent: the action's default.",
                                    ]),
                                    "requestId": .object([
                                        "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$",
                                        "description": "Idempotency key: a retry with the same requestId sends nothing twice.",
                                    ]),
                                ]),
                            ])
                        ])
                    ]),
                ]),
                "responses": responses(
                    ["201": ok("Accepted by the coordinator", ref: "ActionResult"), "202": ok("Committed; not answered yet", ref: "ActionResult")],
                    errors: [400, 403, 404, 409, 422]),
            ]
            if action.onItem { operation["parameters"] = .array([idParameter]) }
            paths[path] = merged(paths[path], ["post": .object(operation)])
        }
        let registers = DeskRegisters.registers(of: kind)
        if !registers.isEmpty {
            let nameParameter = JSONValue.object([
                "name": "name", "in": "path", "required": true,
                "description": .string("The register: " + registers.keys.sorted().map { "\($0) (entries need \(registers[$0]!.joined(separator: ", ")))" }.joined(separator: "; ")),
                "schema": .object(["enum": .array(registers.keys.sorted().map { .string($0) })]),
            ])
            let entries = object(["entries": array(.object(["type": "object"]))], required: ["entries"])
            paths["/api/v1/registers/{name}"] = .object([
                "get": .object([
                    "operationId": "getRegister", "summary": "登记簿 — One of the desk's own lists (kept here, not sent on the bus).",
                    "parameters": .array([nameParameter]),
                    "responses": responses(["200": .object(["description": "The entries", "content": .object(["application/json": .object(["schema": entries])])])], errors: [404]),
                ]),
                "put": .object([
                    "operationId": "putRegister", "summary": "Replace the list's entries.", "parameters": .array([nameParameter]),
                    "requestBody": .object(["required": true, "content": .object(["application/json": .object(["schema": entries])])]),
                    "responses": responses(["200": ok("Stored", ref: nil)], errors: [400, 404, 422]),
                ]),
            ])
        }
        if kind == .station {
            paths["/api/v1/clues/{id}/feedback"] = .object([
                "post": .object([
                    "operationId": "recordReporterFeedback",
                    "summary": "反馈举报人 — Record what the person who reported the clue was told (kept here; the reporter is not on the bus).",
                    "parameters": .array([idParameter]),
                    "requestBody": .object([
                        "required": true,
                        "content": .object(["application/json": .object(["schema": object(["text": string, "channel": string], required: ["text"])])]),
                    ]),
                    "responses": responses(["201": ok("Recorded", ref: nil)], errors: [400, 404, 422]),
                ])
            ])
            paths["/api/v1/imports/hotline"] = .object([
                "post": .object([
                    "operationId": "importHotline",
                    "summary": "工单导入 — Import a CSV export of 12345 hotline tickets: each good row becomes a clue to the procuratorate; each bad row is reported with its line and reason.",
                    "parameters": .array([parameter("name", in: "query", "The file's name.", required: false)]),
                    "requestBody": .object(["required": true, "content": .object(["text/csv": .object(["schema": .object(["type": "string"])])])]),
                    "responses": responses(["202": ok("Started", ref: "ImportJob")], errors: [413, 422]),
                ])
            ])
            get("/api/v1/imports", "listImports", "Imports, newest first.", response: ok("Imports", ref: nil))
            get(
                "/api/v1/imports/{id}", "getImport", "An import's progress, and every refused row with its line and reason.",
                parameters: [parameter("id", in: "path", "The import's id.")], response: ok("The import", ref: "ImportJob"), errors: [404])
        }
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": .string("Xianjie \(kind.executable) desk API (\(kind.title.zh))"),
                "version": "1.0.0",
                "description": .string(
                    "The local HTTP JSON API of the \(kind.title.en.lowercased()) service, for the agency's own systems and the clerks' page (/). Every error is {\"error\": {status, code, message, field, rule, problems}} and changed nothing. Documents are the bus's JSON Schemas (schemas/messages). docs/agency-services.md explains the desk."
                ),
            ]),
            "servers": .array([.object(["url": "http://127.0.0.1:7810"])]),
            "security": .array([.object([:]), .object(["bearer": .array([])])]),
            "paths": .object(paths),
            "components": .object([
                "securitySchemes": .object(["bearer": .object(["type": "http", "scheme": "bearer"])]),
                "schemas": components,
            ]),
        ])
    }

    /// A message schema's `$id` as a path from `schemas/openapi/` (the files sit side by side in `schemas/`).
    static func relative(_ id: String) -> String {
        id.hasPrefix(schemaBase) ? "../" + id.dropFirst(schemaBase.count) : id
    }

    static let binary: JSONValue = .object(["schema": .object(["type": "string", "format": "binary"])])

    static func routeText(_ routes: [DeskAction.Route]) -> String {
        guard !routes.isEmpty else { return "nobody (name the recipients in `to`)" }
        return routes.map { route in
            switch route {
            case .own: "this agency itself"
            case .counterpart(let role): "desk.counterparts.\(role)"
            case .field(let name): "the agencies in data.\(name)"
            case .senders: "the agencies that sent this desk documents about the item (or the list it is on)"
            case .listed(let array, let field): "the agencies in data.\(array)[].\(field)"
            }
        }.joined(separator: ", ")
    }

    static func parameter(_ name: String, in location: String, _ description: String, required: Bool = true, type: String = "string") -> JSONValue {
        .object([
            "name": .string(name), "in": .string(location), "required": .bool(location == "path" || required),
            "description": .string(description), "schema": .object(["type": .string(type)]),
        ])
    }

    static func ok(_ description: String, ref: String?, external: String? = nil) -> JSONValue {
        var schema: JSONValue = .object(["type": "object"])
        if let ref { schema = .object(["$ref": .string("#/components/schemas/\(ref)")]) }
        if let external { schema = .object(["$ref": .string(external)]) }
        return .object(["description": .string(description), "content": .object(["application/json": .object(["schema": schema])])])
    }

    static func responses(_ answers: [String: JSONValue], errors: [Int]) -> JSONValue {
        var out = answers
        let texts = [
            400: "Bad request: the body is not JSON, or a parameter is wrong", 401: "No or wrong bearer token",
            403: "The access policy refuses this document", 404: "Unknown item, document or file",
            409: "Not allowed in the item's current state (error.rule names the joint-protocol rule)",
            413: "Too large", 415: "Unsupported media type", 422: "The document breaks its schema (error.field, error.rule)",
            503: "The coordinator did not answer",
        ]
        for code in errors + [401] {
            out[String(code)] = .object([
                "description": .string(texts[code] ?? "Error"),
                "content": .object(["application/json": .object(["schema": .object(["$ref": "#/components/schemas/Problem"])])]),
            ])
        }
        return .object(out)
    }

    static func merged(_ existing: JSONValue?, _ more: [String: JSONValue]) -> JSONValue {
        var object = existing?.objectValue ?? [:]
        object.merge(more) { $1 }
        return .object(object)
    }

    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        .object(["type": "object", "required": .array(required.map { .string($0) }), "properties": .object(properties)])
    }

    static let string: JSONValue = .object(["type": "string"])
    static let integer: JSONValue = .object(["type": "integer"])
    static let boolean: JSONValue = .object(["type": "boolean"])
    static let time: JSONValue = .object(["type": "string", "format": "date-time"])
    static func array(_ items: JSONValue) -> JSONValue { .object(["type": "array", "items": items]) }
    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }

    static var components: JSONValue {
        let document = object(
            [
                "id": string, "direction": .object(["enum": ["in", "out"]]), "type": string, "subject": string, "source": string,
                "recipients": array(string), "at": time,
                "state": .object(["enum": ["received", "pending", "accepted", "rejected"]]), "rejection": string,
                "data": .object(["type": "object"]),
            ], required: ["id", "direction", "type", "source", "recipients", "at", "state"])
        let attachment = object(
            [
                "sha256": string, "name": string, "mediaType": string, "size": integer, "complete": boolean, "received": integer,
                "chunks": integer, "problem": string,
            ], required: ["sha256", "name", "mediaType", "size", "complete"])
        return .object([
            "Problem": object(
                [
                    "error": object(
                        [
                            "status": integer, "code": string, "message": string,
                            "field": .object(["type": "string", "description": "JSON Pointer into the body (/data/title) or a parameter's name"]),
                            "rule": .object(["type": "string", "description": "The schema keyword or joint-protocol rule broken"]),
                            "problems": array(object(["field": string, "rule": string, "message": string])),
                        ], required: ["status", "code", "message"])
                ], required: ["error"]),
            "About": object([
                "agency": string, "kind": string, "displayName": string, "title": .object(["type": "object"]),
                "counterparts": .object(["type": "object", "additionalProperties": string]),
                "actions": array(
                    object([
                        "name": string, "method": string, "path": string, "type": string, "schema": string, "subjectField": string,
                        "onItem": boolean, "zh": string, "en": string,
                    ])),
            ]),
            "Status": object([
                "agency": string, "kind": string, "outboxLastSequence": integer, "pending": integer, "rejected": integer,
                "received": integer, "imports": integer,
            ]),
            "Item": object(
                [
                    "subject": string, "openedAt": time, "updatedAt": time, "documents": integer, "lastType": string,
                    "lastDirection": string, "counterparts": array(string), "awaitingAction": boolean,
                ], required: ["subject", "updatedAt", "awaitingAction"]),
            "ItemList": object(["items": array(ref("Item"))]),
            "Document": document,
            "ItemView": object(
                [
                    "subject": string, "documents": array(ref("Document")),
                    "process": .object(["$ref": "../messages/bus-case-report.v1.schema.json"]),
                    "due": .object(["type": "array"]), "notes": array(string),
                ], required: ["subject", "documents", "notes"]),
            "Inbox": object(["received": array(object(["position": integer, "document": ref("Document")]))]),
            "Attachment": attachment,
            "AttachmentList": object(["attachments": array(ref("Attachment"))]),
            "ActionResult": object(
                [
                    "id": string, "sequence": integer, "type": string, "subject": string, "recipients": array(string),
                    "outcome": .object(["enum": ["accepted", "pending"]]), "item": string,
                    "attachments": .object(["type": "array"]), "note": string,
                ], required: ["id", "type", "subject", "recipients", "outcome", "item"]),
            "ImportJob": object(
                [
                    "id": string, "name": string, "state": .object(["enum": ["running", "done", "failed"]]), "rows": integer,
                    "processed": integer, "forwarded": integer, "refused": integer,
                    "problems": array(object(["line": integer, "reason": string])), "startedAt": time, "finishedAt": time,
                    "seconds": .object(["type": "number"]),
                ], required: ["id", "state", "rows", "processed", "forwarded", "refused"]),
        ])
    }
}
