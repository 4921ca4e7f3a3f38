import Foundation
import HTTPTypes
import Hummingbird
import JSONSchema
import Logging
import NIOCore
import XianjieMessages
import XianjieNode

/// The desk's HTTP API (`/api/v1/…`, described in `schemas/openapi/<kind>.openapi.json`) and the
/// clerks' page (`/`). docs/agency-services.md describes both.
package struct DeskAPI: Sendable {
    package let configuration: DeskConfiguration
    package let runtime: NodeRuntime
    package let store: DeskStore
    package let imports: HotlineImports?
    let logger: Logger

    package init(configuration: DeskConfiguration, runtime: NodeRuntime, store: DeskStore, imports: HotlineImports?, logger: Logger) {
        self.configuration = configuration
        self.runtime = runtime
        self.store = store
        self.imports = imports
        self.logger = logger
    }

    var agency: AgencyID { configuration.node.agency }

    package func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: DeskGuard(tokenHashes: configuration.desk.tokenHashes))
        router.get("/health") { _, _ in DeskJSON.response(["status": "live"]) }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                    .contentSecurityPolicy: "frame-ancestors 'none'",
                ],
                body: .init(byteBuffer: ByteBuffer(string: DeskPage.html)))
        }
        router.get("/api/v1/about") { _, _ in DeskJSON.response(about) }
        router.get("/api/v1/status") { _, _ in try await status() }
        router.get("/api/v1/items") { request, _ in try await items(request) }
        router.get("/api/v1/items/:id") { _, context in try await item(Self.parameter(context, "id")) }
        router.get("/api/v1/inbox") { request, _ in try await inbox(request) }
        router.get("/api/v1/documents/:id") { _, context in try await sentDocument(Self.parameter(context, "id")) }
        router.get("/api/v1/due") { _, _ in try await due() }
        router.get("/api/v1/schemas/**") { _, context in schema(context.parameters.getCatchAll().joined(separator: "/")) }
        addAttachmentRoutes(to: router)
        addRegisterRoutes(to: router)
        if let imports { imports.addRoutes(to: router) }
        for action in configuration.kind.actions {
            let path = "/api/v1/" + action.path.replacingOccurrences(of: "{id}", with: ":id")
            router.post(RouterPath(path)) { request, context in
                try await perform(action, id: action.onItem ? Self.parameter(context, "id") : nil, request: request)
            }
        }
        return router
    }

    static func parameter(_ context: BasicRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    // MARK: Reading

    package struct About: Codable, Sendable {
        package struct Action: Codable, Sendable {
            var name: String
            var method: String
            var path: String
            var type: MessageType
            var schema: String
            var subjectField: String
            var onItem: Bool
            var zh: String
            var en: String
        }

        var agency: AgencyID
        var kind: String
        var displayName: String?
        var title: [String: String]
        var counterparts: [String: AgencyID]
        var actions: [Action]
        /// Every document type's Chinese name, from its schema's title (`xianjie.clue — 线索`).
        var typeNames: [String: String]
    }

    /// `xianjie.clue` → `线索`, from the embedded schemas' titles.
    static let typeNames: [String: String] = {
        var names: [String: String] = [:]
        for text in EmbeddedSchemas.documents.values {
            guard let title = (try? JSONValue.parse(Data(text.utf8)))?["title"]?.stringValue else { continue }
            let parts = title.components(separatedBy: " — ")
            if parts.count == 2 { names[parts[0]] = parts[1] }
        }
        return names
    }()

    var about: About {
        let kind = configuration.kind
        return About(
            agency: agency, kind: kind.rawValue, displayName: configuration.desk.displayName,
            title: ["zh": kind.title.zh, "en": kind.title.en], counterparts: configuration.desk.counterparts,
            actions: kind.actions.map { action in
                About.Action(
                    name: action.name, method: "POST", path: "/api/v1/" + action.path, type: action.type,
                    schema: MessageCatalog.descriptor(for: action.type)?.schemaID ?? "", subjectField: action.subjectField,
                    onItem: action.onItem, zh: action.zh, en: action.en)
            }, typeNames: Self.typeNames)
    }

    struct Status: Codable, Sendable {
        var agency: AgencyID
        var kind: String
        var outboxLastSequence: Int64
        var pending: Int64
        var rejected: Int64
        var received: Int64
        var imports: Int
    }

    func status() async throws -> Response {
        let (agency, kind) = (self.agency, configuration.kind.rawValue)
        let running = try await imports?.jobs().filter { $0.state == "running" }.count ?? 0
        let status = try await runtime.store.writer.read { db in
            Status(
                agency: agency, kind: kind,
                outboxLastSequence: try Int64.fetchOne(db, sql: "SELECT coalesce(max(sequence), 0) FROM outbox") ?? 0,
                pending: try Int64.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 0") ?? 0,
                rejected: try Int64.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 2") ?? 0,
                received: try Int64.fetchOne(db, sql: "SELECT count(*) FROM inbox") ?? 0, imports: running)
        }
        return DeskJSON.response(status)
    }

    func items(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Self.integer(query["limit"].map(String.init), name: "limit", default: 100, range: 1...1000)
        let offset = try Self.integer(query["offset"].map(String.init), name: "offset", default: 0, range: 0...Int.max)
        let items = try await store.items(query: query["q"].map(String.init), limit: limit, offset: offset)
        return DeskJSON.response(["items": items])
    }

    struct ItemView: Encodable {
        var subject: String
        var documents: [DeskDocument]
        /// The shared process as the coordinator keeps it (congress and procuratorate only).
        var process: CaseReport?
        /// What is due about this item, from the coordinator.
        var due: [DueReport.Item]?
        /// Why `process` or `due` is missing.
        var notes: [String]
        /// A station's feedback to the person who reported the clue.
        var feedback: [DeskRegisters.Feedback]?
    }

    func item(_ subject: String) async throws -> Response {
        let documents = try await store.documents(subject: subject)
        guard !documents.isEmpty else {
            throw DeskProblem(.notFound, "unknownItem", "nothing about \(subject) is on this desk", field: "subject")
        }
        var view = ItemView(subject: subject, documents: documents, notes: [])
        if configuration.kind == .station {
            view.feedback = try await runtime.store.writer.read { db in try DeskRegisters.feedback(db, subject: subject) }
        }
        if configuration.kind == .congress || configuration.kind == .procuratorate {
            do {
                let reply = try await runtime.request(CaseQuery(subjectId: subject), to: .coordinator, timeout: .seconds(2), attempts: 1)
                let report = try reply.payload(CaseReport.self)
                if report.found { view.process = report }
            } catch {
                view.notes.append("the coordinator did not say where \(subject) stands: \(error)")
            }
        }
        do {
            view.due = try await dueReport().items.filter { $0.subjectId == subject }
        } catch {
            view.notes.append("the coordinator did not say what is due: \(error)")
        }
        return DeskJSON.response(view)
    }

    func inbox(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let after = try Self.integer(query["after"].map(String.init), name: "after", default: 0, range: 0...Int.max)
        let limit = try Self.integer(query["limit"].map(String.init), name: "limit", default: 100, range: 1...1000)
        let rows = try await store.received(after: Int64(after), limit: limit)
        struct Entry: Encodable {
            var position: Int64
            var document: DeskDocument
        }
        return DeskJSON.response(["received": rows.map { Entry(position: $0.position, document: $0.document) }])
    }

    func sentDocument(_ id: String) async throws -> Response {
        guard let document = try await store.sent(id: id) else {
            throw DeskProblem(.notFound, "unknownDocument", "this agency sent no document \(id)", field: "id")
        }
        return DeskJSON.response(document)
    }

    func dueReport() async throws -> DueReport {
        let reply = try await runtime.request(DueQuery(agency: agency), to: .coordinator, timeout: .seconds(2), attempts: 1)
        return try reply.payload(DueReport.self)
    }

    func due() async throws -> Response {
        do {
            return DeskJSON.response(try await dueReport())
        } catch {
            throw DeskProblem(
                .serviceUnavailable, "coordinatorUnavailable",
                "the coordinator keeps the deadlines and did not answer: \(error). Nothing is lost; try again shortly.")
        }
    }

    func schema(_ path: String) -> Response {
        guard let text = EmbeddedSchemas.documents[path] else {
            return DeskProblem(.notFound, "unknownSchema", "no schema \(path); see /api/v1/about for the documents of this desk").response
        }
        return Response(
            status: .ok, headers: [.contentType: "application/schema+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw DeskProblem(
                .badRequest, "invalidParameter", "\(name) must be a whole number in \(range.lowerBound)…\(range.upperBound)",
                field: name, rule: "range")
        }
        return number
    }
}

/// Answers every error as JSON, and checks the bearer token when the desk is configured with tokens.
struct DeskGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let tokenHashes: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !tokenHashes.isEmpty, request.uri.path.hasPrefix("/api/") {
            let header = request.headers[.authorization] ?? ""
            let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : ""
            guard !token.isEmpty, tokenHashes.contains(DeskToken.hash(token)) else {
                return DeskProblem(
                    .unauthorized, "unauthorized", "send the desk's token as Authorization: Bearer <token> (xianjie desk token)"
                ).response
            }
        }
        do {
            return try await next(request, context)
        } catch let problem as DeskProblem {
            return problem.response
        } catch let error as HTTPError {
            return DeskProblem(error.status, "http", error.body ?? error.status.reasonPhrase).response
        } catch {
            return DeskProblem(.internalServerError, "internal", "\(error)").response
        }
    }
}
