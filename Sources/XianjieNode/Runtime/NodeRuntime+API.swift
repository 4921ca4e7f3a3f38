import Foundation
import XianjieMessages
import ZeroMQ

extension NodeRuntime {
    /// Commits a durable document to the outbox and returns once it is committed; the runtime sends it,
    /// and resends it until the coordinator answers. `id` makes the submission idempotent.
    @discardableResult
    package func send<P: MessagePayload>(
        _ payload: P, to recipients: [AgencyID] = [], topic: String? = nil, subject: String? = nil,
        id: String = UUID().uuidString.lowercased(), correlationid: String? = nil, causationid: String? = nil
    ) async throws -> WireMessage {
        try await send(
            type: P.messageType, data: XianjieJSON.encode(payload), to: recipients, topic: topic, subject: subject,
            id: id, correlationid: correlationid, causationid: causationid)
    }

    /// The same for a payload already encoded as JSON (e.g. from the CLI). The coordinator checks it
    /// against its schema.
    @discardableResult
    package func send(
        type: MessageType, data: Data, to recipients: [AgencyID] = [], topic: String? = nil, subject: String? = nil,
        id: String = UUID().uuidString.lowercased(), correlationid: String? = nil, causationid: String? = nil
    ) async throws -> WireMessage {
        let draft = try self.draft(
            type: type, to: recipients, topic: topic, subject: subject, id: id, correlationid: correlationid,
            causationid: causationid)
        return try await send([(draft, data)])[0]
    }

    /// Commits several documents to the outbox in one transaction (in this order), then sends them.
    package func send(_ items: [(header: EnvelopeHeader, data: Data)]) async throws -> [WireMessage] {
        let results = try await store.enqueue(items, signer: { [self] in try sign($0) })
        for result in results where result.isNew { events.push(.enqueued(result.message)) }
        return results.map(\.message)
    }

    /// The header of a document this node will send; checks the type is a known document.
    package func draft(
        type: MessageType, to recipients: [AgencyID] = [], topic: String? = nil, subject: String? = nil,
        id: String = UUID().uuidString.lowercased(), correlationid: String? = nil, causationid: String? = nil
    ) throws -> EnvelopeHeader {
        guard let descriptor = MessageCatalog.descriptor(for: type) else {
            throw NodeError(.invalidDocument, "unknown message type \"\(type)\"; see schemas/ for the types of this bus")
        }
        guard descriptor.delivery == .durable else {
            throw NodeError(
                .invalidDocument,
                "\(type) is a transient request, not a document: it cannot go through the outbox (see docs/protocol.md §7)")
        }
        return EnvelopeHeader(
            id: id, source: configuration.agency, type: type, subject: subject, dataschema: descriptor.schemaID,
            recipients: recipients.isEmpty ? nil : recipients, topic: topic, correlationid: correlationid,
            causationid: causationid)
    }

    /// Waits until the coordinator has answered a message sent with ``send(_:to:topic:subject:id:correlationid:causationid:)``.
    package func outcome(of message: WireMessage, timeout: Duration) async throws -> SendOutcome {
        guard let sequence = message.header.sequence else {
            throw NodeError(.invalidDocument, "message \(message.header.id) has no sequence")
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            let seen = settlementsChanged.version
            if let outcome = try await store.outcome(sequence: sequence) { return outcome }
            let left = deadline - .now
            if left <= .zero {
                throw NodeError(
                    .timeout,
                    "no answer from the coordinator within \(timeout) for message \(message.header.id); it stays in the outbox and will be resent"
                )
            }
            await settlementsChanged.wait(since: seen, timeout: min(left, .milliseconds(500)))
        }
    }

    /// Sends a transient request and waits for the message that answers it (`correlationid`), resending
    /// the same request (same id) on timeout (Lazy Pirate).
    package func request<P: MessagePayload>(
        _ payload: P, to recipient: AgencyID, timeout: Duration? = nil, attempts: Int? = nil
    ) async throws -> WireMessage {
        let header = EnvelopeHeader(
            source: configuration.agency, type: P.messageType, dataschema: P.schemaID,
            recipients: recipient == .coordinator ? nil : [recipient])
        let message = try sign(try WireMessage.make(payload, header: header))
        let timeout = timeout ?? .milliseconds(configuration.requestTimeoutMs)
        let attempts = max(1, attempts ?? configuration.requestAttempts)
        for _ in 1...attempts {
            replies.expect(header.id)
            // Straight to the socket's reactor (thread-safe): a request needs nothing from the engine.
            reactor.send(ZMQMessage(frames: message.frames), on: dealer)
            if let reply = await replies.wait(for: header.id, timeout: timeout) {
                if reply.header.type == Rejection.messageType, let rejection = try? reply.payload(Rejection.self) {
                    throw NodeError(.rejected, "\(rejection.reason.rawValue): \(rejection.detail)")
                }
                return reply
            }
        }
        throw NodeError(
            .timeout, "no answer to \(P.messageType) from \(recipient) after \(attempts) attempts of \(timeout)")
    }

    /// Every message this node has received and applied after `position`, then each new one as it arrives.
    /// Reads the inbox, so nothing is missed however slowly it is consumed.
    package func received(after position: Int64 = 0) -> AsyncThrowingStream<InboxMessage, any Error> {
        let store = self.store
        let signal = self.inboxChanged
        return AsyncThrowingStream { continuation in
            let task = Task {
                var position = position
                while !Task.isCancelled {
                    let seen = signal.version
                    let rows = try await store.inbox(after: position, limit: 500)
                    for row in rows {
                        continuation.yield(row)
                        position = row.position
                    }
                    if rows.isEmpty { await signal.wait(since: seen, timeout: .seconds(1)) }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
