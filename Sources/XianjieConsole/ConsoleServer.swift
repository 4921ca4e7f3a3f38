import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import XianjieMessages

/// Who may see the console: a viewer sees everything; an admin may also suspend and reactivate agencies.
package enum ConsoleRole: String, Codable, Sendable, CaseIterable {
    case viewer, admin
}

/// What the console needs from the coordinator besides the hub: its users, the store's counts, registry
/// changes. The coordinator implements it over its store.
package protocol ConsoleBackend: Sendable {
    /// The role of a user whose access code matches, nil otherwise.
    func authenticate(name: String, code: String) async -> ConsoleRole?
    /// A user's role now (nil: removed), so a removed or demoted user's open sessions follow at once.
    func role(of name: String) async -> ConsoleRole?
    /// Counts per day and agency of the documents DOMAIN.md figures count, over the last `days` days
    /// (by when the coordinator accepted them), with the workflow figures of `snapshot`.
    func statistics(days: Int, agency: String?, workflow: ConsoleSnapshot.WorkflowFigures) async throws -> ConsoleStatistics
    /// Suspends or reactivates an agency in the registry; the coordinator applies it within a tick.
    func setAgency(_ agency: String, active: Bool, by user: String) async throws
    /// Whether the coordinator is ready: its store answers and its engine has started.
    func isReady() async -> Bool
}

/// Where the console listens. Off unless configured.
package struct ConsoleConfiguration: Sendable, Codable, Equatable {
    /// `host:port`, e.g. `127.0.0.1:7780` (port 0: any free port, logged at start).
    package var listen: String = "127.0.0.1:7780"
    /// How long a login lasts.
    package var sessionHours: Int = 12

    package init(listen: String = "127.0.0.1:7780", sessionHours: Int = 12) {
        self.listen = listen
        self.sessionHours = sessionHours
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listen = try c.decodeIfPresent(String.self, forKey: .listen) ?? "127.0.0.1:7780"
        sessionHours = try c.decodeIfPresent(Int.self, forKey: .sessionHours) ?? 12
        guard hostAndPort != nil else {
            throw DecodingError.dataCorruptedError(
                forKey: .listen, in: c, debugDescription: "console.listen must be host:port, e.g. 127.0.0.1:7780, not \(listen)")
        }
        guard (1...720).contains(sessionHours) else {
            throw DecodingError.dataCorruptedError(
                forKey: .sessionHours, in: c, debugDescription: "console.sessionHours must be 1 … 720")
        }
    }

    private enum CodingKeys: String, CodingKey { case listen, sessionHours }

    package var hostAndPort: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port), colon > listen.startIndex
        else { return nil }
        return (String(listen[..<colon]), port)
    }
}

/// The coordinator's console over HTTP: the dashboard (`/`), its JSON API and live stream (`/api/…`),
/// `/metrics` for Prometheus and `/health` for liveness and readiness. docs/console.md describes it.
package final class ConsoleServer: Sendable {
    struct Session: Sendable {
        var name: String
        var role: ConsoleRole
        var expires: Date
        var roleCheckedAt: Date?
    }

    package let configuration: ConsoleConfiguration
    let hub: ConsoleHub
    let metrics: ConsoleMetrics
    let backend: any ConsoleBackend
    let logger: Logger
    private let sessions = Mutex<[String: Session]>([:])
    /// Failed logins per name: after 5 in 5 minutes the name is refused for the rest of those minutes.
    private let failures = Mutex<[String: [Date]]>([:])
    static let failureLimit = 5
    static let failureWindow: TimeInterval = 300
    /// The port actually bound (known once running).
    package let boundPort = Atomic<Int>(0)
    static let cookieName = "xianjie_console"

    package init(
        configuration: ConsoleConfiguration, hub: ConsoleHub, metrics: ConsoleMetrics, backend: any ConsoleBackend,
        logger: Logger
    ) {
        self.configuration = configuration
        self.hub = hub
        self.metrics = metrics
        self.backend = backend
        self.logger = logger
    }

    /// Serves until the task is cancelled.
    package func run() async throws {
        guard let (host, port) = configuration.hostAndPort else { return }
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "xianjie-console"),
            onServerRunning: { [self] channel in
                let bound = channel.localAddress?.port ?? port
                boundPort.store(bound, ordering: .relaxed)
                logger.notice("console listening", metadata: ["xianjie.console": "http://\(host):\(bound)/"])
            },
            logger: logger)
        try await app.run()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/health") { _, _ in Self.json(["status": "live"]) }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/health/ready") { [backend] _, _ in
            await backend.isReady()
                ? Self.json(["status": "ready"]) : Self.json(["status": "not ready"], status: .serviceUnavailable)
        }
        router.get("/metrics") { [metrics] _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.text())))
        }
        router.get("/login") { request, _ in Self.html(ConsolePage.login(error: nil)) }
        router.post("/login") { [self] request, _ in try await login(request) }
        router.post("/logout") { [self] request, _ in
            if let token = Self.sessionToken(request) { _ = sessions.withLock { $0.removeValue(forKey: token) } }
            return Response(
                status: .seeOther,
                headers: [.location: "/login", .setCookie: "\(Self.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"])
        }
        router.get("/") { [self] request, _ in
            guard await session(request) != nil else { return Response(status: .seeOther, headers: [.location: "/login"]) }
            return Self.html(ConsolePage.dashboard)
        }
        router.get("/api/me") { [self] request, _ in
            guard let user = await session(request) else { return Self.unauthorized() }
            return Self.json(["name": user.name, "role": user.role.rawValue])
        }
        router.get("/api/snapshot") { [self] request, _ in
            guard await session(request) != nil else { return Self.unauthorized() }
            guard let data = await latestSnapshot() else {
                return Self.json(["error": "the coordinator has not made a snapshot yet; retry in a second"], status: .serviceUnavailable)
            }
            return Response(status: .ok, headers: Self.jsonHeaders, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/api/events") { [self] request, _ in
            guard await session(request) != nil, let token = Self.sessionToken(request) else { return Self.unauthorized() }
            return events(token: token)
        }
        router.get("/api/statistics") { [self] request, _ in
            guard await session(request) != nil else { return Self.unauthorized() }
            return try await statistics(request)
        }
        router.post("/api/agencies/:agency/:action") { [self] request, context in
            guard let user = await session(request) else { return Self.unauthorized() }
            if let refusal = Self.crossSite(request) { return refusal }
            guard user.role == .admin else {
                return Self.json(["error": "\(user.name) is a viewer; only an admin may change the registry"], status: .forbidden)
            }
            let agency = try context.parameters.require("agency")
            let action = try context.parameters.require("action")
            guard action == "suspend" || action == "activate" else {
                return Self.json(["error": "unknown action \(action); use suspend or activate"], status: .notFound)
            }
            do {
                try await backend.setAgency(agency, active: action == "activate", by: user.name)
            } catch {
                return Self.json(["error": "\(error)"], status: .badRequest)
            }
            logger.notice(
                "console: registry changed", metadata: ["xianjie.agency": "\(agency)", "xianjie.action": "\(action)", "xianjie.user": "\(user.name)"])
            return Self.json(["agency": agency, "status": action == "activate" ? "active" : "suspended"])
        }
        return router
    }

    // MARK: Sessions

    private func login(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        let form = Self.formFields(String(buffer: body))
        let english = Self.english(request) || form["lang"] == "en"
        let name = form["name", default: ""].trimmingCharacters(in: .whitespaces)
        let code = form["code", default: ""].trimmingCharacters(in: .whitespaces)
        let now = Date()
        // Counted before the code is checked, so parallel guesses cannot get past the limit; pruned of
        // stale entries on every login, and never more than 10,000 names.
        let recent = failures.withLock { failures -> [Date] in
            failures = failures.compactMapValues { dates in
                let kept = dates.filter { now.timeIntervalSince($0) < Self.failureWindow }
                return kept.isEmpty ? nil : kept
            }
            let recent = failures[name] ?? []
            if recent.count < Self.failureLimit, failures.count < 10_000 || failures[name] != nil {
                failures[name, default: []].append(now)
            }
            return recent
        }
        if recent.count >= Self.failureLimit, let first = recent.first {
            let minutes = Int((Self.failureWindow - now.timeIntervalSince(first)) / 60) + 1
            logger.warning("console: login throttled", metadata: ["xianjie.user": "\(name)"])
            let error =
                english
                ? "Too many wrong access codes for \(name); try again in \(minutes) minute(s)."
                : "\(name) 的访问码错误次数过多，请 \(minutes) 分钟后再试。"
            var response = Self.html(ConsolePage.login(error: error))
            response.status = .tooManyRequests
            return response
        }
        guard !name.isEmpty, !code.isEmpty, let role = await backend.authenticate(name: name, code: code) else {
            logger.notice("console: login refused", metadata: ["xianjie.user": "\(name)"])
            let error = english ? "Unknown name or wrong access code." : "用户名或访问码不正确。"
            var response = Self.html(ConsolePage.login(error: error))
            response.status = .unauthorized
            return response
        }
        failures.withLock { $0[name] = nil }
        let token = Self.randomToken()
        let expires = Date().addingTimeInterval(Double(configuration.sessionHours) * 3600)
        sessions.withLock { sessions in
            let now = Date()
            sessions = sessions.filter { $0.value.expires > now }
            sessions[token] = Session(name: name, role: role, expires: expires, roleCheckedAt: Date())
        }
        logger.notice("console: login", metadata: ["xianjie.user": "\(name)", "xianjie.role": "\(role.rawValue)"])
        return Response(
            status: .seeOther,
            headers: [
                .location: english ? "/?lang=en" : "/",
                .setCookie: "\(Self.cookieName)=\(token); Path=/; Max-Age=\(configuration.sessionHours * 3600); HttpOnly; SameSite=Strict",
            ])
    }

    /// The request's session, with the user's role as the store has it now (checked at most every
    /// 5 s per user); nil when there is none, it expired, or the user was removed.
    private func session(_ request: Request) async -> Session? {
        guard let token = Self.sessionToken(request) else { return nil }
        return await session(token: token)
    }

    private func session(token: String) async -> Session? {
        let now = Date()
        guard
            let found = sessions.withLock({ sessions -> Session? in
                guard let session = sessions[token] else { return nil }
                guard session.expires > now else {
                    sessions[token] = nil
                    return nil
                }
                return session
            })
        else { return nil }
        if let checked = found.roleCheckedAt, now.timeIntervalSince(checked) < 5 { return found }
        guard let role = await backend.role(of: found.name) else {
            sessions.withLock { $0[token] = nil }
            return nil
        }
        return sessions.withLock { sessions in
            sessions[token]?.role = role
            sessions[token]?.roleCheckedAt = now
            return sessions[token]
        }
    }

    /// A state-changing request from another origin (a page on another port or subdomain of the same
    /// site, which SameSite cookies do not stop) is refused.
    static func crossSite(_ request: Request) -> Response? {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            return json(["error": "refused: a request from another site (\(site))"], status: .forbidden)
        }
        if let origin = request.headers[HTTPField.Name("Origin")!], let host = request.head.authority,
            origin != "http://\(host)", origin != "https://\(host)"
        {
            return json(["error": "refused: a request from origin \(origin), not this console"], status: .forbidden)
        }
        return nil
    }

    static func sessionToken(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == cookieName { return String(pair[1]) }
            }
        }
        return nil
    }

    static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Live stream and statistics

    /// The live stream; it ends when the session does (logout, expiry, the user removed), checked
    /// every 10 s, and when the dashboard falls too far behind (it reconnects with a fresh snapshot).
    private func events(token: String) -> Response {
        let hub = hub
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { [self] writer in
                let (id, stream) = hub.subscribe()
                defer { hub.unsubscribe(id) }
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                var checked = ContinuousClock.now
                for await chunk in stream {
                    if ContinuousClock.now - checked > .seconds(10) {
                        checked = .now
                        guard await session(token: token) != nil else { break }
                    }
                    try await writer.write(ByteBuffer(string: chunk))
                }
                try await writer.finish(nil)
            })
    }

    private func statistics(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let days = query["days"].map { Int(String($0)) ?? 0 } ?? 30
        guard (1...366).contains(days) else {
            return Self.json(["error": "days must be 1 … 366, not \(query["days"].map(String.init) ?? "")"], status: .badRequest)
        }
        let agency = query["agency"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        guard await latestSnapshot() != nil, let figures = hub.latestFigures() else {
            return Self.json(["error": "the coordinator has not made a snapshot yet; retry in a second"], status: .serviceUnavailable)
        }
        let statistics = try await backend.statistics(days: days, agency: agency, workflow: figures)
        return Response(status: .ok, headers: Self.jsonHeaders, body: .init(byteBuffer: ByteBuffer(bytes: try XianjieJSON.encode(statistics))))
    }

    /// The newest snapshot; the engine makes one within half a second of being asked.
    private func latestSnapshot() async -> Data? {
        for _ in 0..<40 {
            if let data = hub.latest() { return data }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }


    // MARK: Helpers

    static let jsonHeaders: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]

    static func json(_ object: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: jsonHeaders, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func unauthorized() -> Response {
        json(["error": "log in first (POST /login)"], status: .unauthorized)
    }

    static func html(_ page: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func english(_ request: Request) -> Bool { request.uri.queryParameters["lang"] == "en" }

    /// `application/x-www-form-urlencoded` fields.
    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            guard let key = parts.first, !key.isEmpty else { continue }
            fields[key] = parts.count == 2 ? parts[1] : ""
        }
        return fields
    }
}
