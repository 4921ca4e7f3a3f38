import Foundation
import GRDB
import JSONSchema
import Logging
import ServiceLifecycle
import XianjieMessages
import ZeroMQ

/// Serves the local control protocol (``ControlRequest``) on the node's `controlEndpoint`, so the agency's
/// systems and `xianjie send` can hand the node documents without touching its store.
package final class NodeControlService: Service, Sendable {
    let runtime: NodeRuntime
    let socket: ZMQSocketHandle
    let logger: Logger

    package init(runtime: NodeRuntime, endpoint: String, logger: Logger) throws {
        self.runtime = runtime
        self.logger = logger
        self.socket = try runtime.reactor.addSocket(.router, options: ZMQSocketOptions(), bind: [endpoint])
    }

    package var endpoint: String? { socket.lastEndpoint }

    package func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for await batch in socket.inbound.cancelOnGracefulShutdown() {
                for message in batch {
                    guard message.frames.count >= 2, let identity = message.frames.first, let body = message.frames.last
                    else { continue }
                    group.addTask {
                        let response = await self.respond(to: body)
                        let data = (try? XianjieJSON.encode(response)) ?? Data("{\"ok\":false}".utf8)
                        self.runtime.reactor.send(ZMQMessage(frames: [identity, data]), on: self.socket)
                    }
                }
            }
        }
    }

    func respond(to body: Data) async -> ControlResponse {
        let request: ControlRequest
        do {
            request = try XianjieJSON.decode(ControlRequest.self, from: body)
        } catch {
            return .failure("the request is not a valid control request: \(describe(error))")
        }
        do {
            switch request.op {
            case .send: return try await send(request)
            case .status: return try await status()
            case .inbox: return try await inbox(request)
            case .ping: return try await ping(request)
            }
        } catch {
            return .failure("\(error)")
        }
    }

    private func send(_ request: ControlRequest) async throws -> ControlResponse {
        guard let documents = request.documents, !documents.isEmpty else {
            return .failure("send needs at least one document in \"documents\"")
        }
        var drafts: [(header: EnvelopeHeader, data: Data)] = []
        for (index, document) in documents.enumerated() {
            guard case .object = document.data else {
                return .failure("document \(document.id ?? "#\(index + 1)"): \"data\" must be a JSON object")
            }
            let header = try runtime.draft(
                type: document.type, to: document.recipients ?? [], topic: document.topic, subject: document.subject,
                id: document.id ?? UUID().uuidString.lowercased(), correlationid: document.correlationid,
                causationid: document.causationid)
            drafts.append((header, Data(document.data.serialized().utf8)))
        }
        let sent = try await runtime.send(drafts)
        var results: [ControlResponse.Result] = []
        // One deadline for the whole request, however many documents it holds.
        let deadline = ContinuousClock.now + .milliseconds(request.timeoutMs ?? 10_000)
        for message in sent {
            let timeout = max(.zero, deadline - .now)
            var result = ControlResponse.Result(id: message.header.id, sequence: message.header.sequence, outcome: "committed")
            if request.wait == true {
                do {
                    switch try await runtime.outcome(of: message, timeout: timeout) {
                    case .accepted: result.outcome = "accepted"
                    case .rejected(_, _, let reason):
                        result.outcome = "rejected"
                        result.reason = reason
                    }
                } catch {
                    result.outcome = "pending"
                    result.reason = "\(error)"
                }
            }
            results.append(result)
        }
        return ControlResponse(ok: true, results: results)
    }

    private func status() async throws -> ControlResponse {
        let agency = runtime.configuration.agency
        let status = try await runtime.store.writer.read { db in
            ControlResponse.Status(
                agency: agency,
                outboxLastSequence: try Int64.fetchOne(db, sql: "SELECT coalesce(max(sequence), 0) FROM outbox") ?? 0,
                outboxUnanswered: try Int64.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 0") ?? 0,
                outboxRejected: try Int64.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 2") ?? 0,
                inboxCount: try Int64.fetchOne(db, sql: "SELECT count(*) FROM inbox") ?? 0,
                lastDelivery: try Int64.fetchOne(db, sql: "SELECT coalesce(max(delivery), 0) FROM inbox") ?? 0,
                applications: try Int64.fetchOne(db, sql: "SELECT count(*) FROM application_log") ?? 0)
        }
        return ControlResponse(ok: true, status: status)
    }

    private func inbox(_ request: ControlRequest) async throws -> ControlResponse {
        let rows = try await runtime.store.inbox(after: request.after ?? 0, limit: min(request.limit ?? 100, 1000))
        let received = rows.map { row in
            ControlResponse.Received(
                position: row.position, id: row.message.header.id, source: row.message.header.source,
                type: row.message.header.type, subject: row.message.header.subject,
                sequence: row.message.header.sequence, receivedAt: row.receivedAt,
                data: try? JSONValue.parse(row.message.data), verified: row.verified)
        }
        return ControlResponse(ok: true, received: received)
    }

    private func ping(_ request: ControlRequest) async throws -> ControlResponse {
        guard let agency = request.agency else { return .failure("ping needs \"agency\"") }
        let start = ContinuousClock.now
        _ = try await runtime.request(Ping(note: "xianjie ping"), to: agency)
        let elapsed = ContinuousClock.now - start
        let micros = Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
        return ControlResponse(ok: true, roundTripMicroseconds: micros)
    }
}
