import Foundation
import XianjieMessages
import XianjieProtocols
import XianjieTrust

extension CoordinatorEngine {
    /// A valid durable message: accepted if it is the sender's next, a duplicate if seen, ignored if early.
    func accept(_ wire: WireMessage, identity: Data, into turn: inout Turn) async {
        let header = wire.header
        let source = header.source
        guard let sequence = header.sequence else { return }
        let last = sources[source] ?? 0
        if sequence <= last {
            await answerResend(wire, identity: identity, into: &turn)
            return
        }
        if sequence > last + 1 {
            resume(source, identity: identity, into: &turn)
            return
        }
        let recipients = Array(Set(header.recipients ?? [])).sorted()
        if let known = knownAgencies, let unknown = recipients.first(where: { !known.contains($0) }) {
            let error = EnvelopeError(
                .unknownRecipient, "recipient \"\(unknown)\" is not an agency of this bus")
            await reject(wire, identity: identity, error: error, into: &turn)
            return
        }
        let (queues, remote) = self.queues(for: recipients)
        if let unlinked = unlinkedRecipient(remote) {
            await reject(wire, identity: identity, error: unlinked, into: &turn)
            return
        }
        let saved = remote.isEmpty ? nil : workflow
        let admission = workflowAdmission(of: wire)
        if case .refused(let violation) = admission {
            await refuse(wire, identity: identity, violation: violation, into: &turn)
            return
        }
        if let saved, let refused = federationRefusal(of: header, remote: remote, admission: admission) {
            workflow = saved
            await reject(wire, identity: identity, error: refused, into: &turn)
            return
        }
        sources[source] = sequence
        turn.batch.sourceSequences[source] = sequence
        let now = Date()
        let hash = MessageSignature.hash(wire)
        enqueue(wire, recipients: queues, at: now, hash: hash, into: &turn)
        turn.batch.audit.append(
            PendingAudit(
                .messageAccepted, actor: source.rawValue, subject: header.subject, messageId: header.id, messageHash: hash,
                detail: "\(header.type) #\(sequence) from \(source) to "
                    + (header.topic.map { "topic \($0)" } ?? recipients.map(\.rawValue).joined(separator: ", "))))

        turn.receipt(
            Receipt.Entry(
                messageId: header.id, sequence: sequence, status: .accepted, acceptedAt: now, recipients: recipients,
                hash: hash),
            to: source, identity: identity)
        if case .admitted(let change, let day) = admission {
            record(change, messageId: header.id, day: day, into: &turn)
        }
    }

    /// Stores an accepted message in its recipients' queues (and its topic), delivering it after the commit.
    func enqueue(_ wire: WireMessage, recipients: [AgencyID], at now: Date, hash: String, into turn: inout Turn) {
        let header = wire.header
        let source = header.source
        var accepted = IngestBatch.Accepted(message: wire, acceptedAt: now, deliveries: [], broadcast: nil, hash: hash)
        for recipient in recipients {
            var node = nodes[recipient] ?? NodeState()
            node.queueTail += 1
            nodes[recipient] = node
            turn.batch.queueTails[recipient] = node.queueTail
            accepted.deliveries.append((recipient, node.queueTail))
        }
        if let topic = header.topic {
            let tseq = (topics[topic] ?? 0) + 1
            topics[topic] = tseq
            turn.batch.topicHeads[topic] = tseq
            accepted.broadcast = (topic, tseq)
        }
        turn.batch.accepted.append(accepted)
        let deliveries = accepted.deliveries
        let broadcast = accepted.broadcast
        turn.afterCommit.append { [self] _ in
            metrics?.accepted(type: header.type.rawValue)  // counted once stored, not when a commit fails
            for delivery in deliveries { deliverNow(wire, to: delivery.recipient, seq: delivery.seq) }
            if let broadcast {
                outbound.publish(
                    [topicFrame(broadcast.topic), DeliveryMeta(topic: broadcast.topic, tseq: broadcast.tseq).encoded()]
                        + wire.frames)
            }
            if flowWanted {
                publishFlow(
                    FlowEvent(
                        event: .accepted, messageId: header.id, at: now, source: source, type: header.type,
                        recipients: recipients, topic: header.topic, subject: header.subject, bytes: wire.byteCount))
            }
        }
    }

    /// The fast path: a recipient that is keeping up gets the message straight from memory.
    func deliverNow(_ wire: WireMessage, to recipient: AgencyID, seq: Int64) {
        guard var node = nodes[recipient], node.present, node.sentThrough == seq - 1,
            node.inFlight < Int64(configuration.credits)
        else { return }
        if node.inFlight == 0 { node.lastProgress = .now }
        node.sentThrough = seq
        nodes[recipient] = node
        outbound.toNode(Self.identity(recipient), [DeliveryMeta(deliver: seq).encoded()] + wire.frames)
        metrics?.deliveriesSent(1)
    }

    /// A sender resent a message the coordinator already consumed: answer as the first time.
    private func answerResend(_ wire: WireMessage, identity: Data, into turn: inout Turn) async {
        let header = wire.header
        guard let sequence = header.sequence else { return }
        let outcome: ConsumedOutcome?
        do {
            outcome = try await store.outcome(source: header.source, sequence: sequence)
        } catch {
            logger.error("cannot look up an earlier message: \(error)")
            return
        }
        switch outcome {
        case .accepted(let id, let recipients, let at):
            guard id == header.id else {
                let error = EnvelopeError(
                    .protocolViolation,
                    "sequence \(sequence) of \(header.source) was already used by message \(id); a node must never reuse a sequence"
                )
                quarantine(
                    peer: header.source.rawValue, identity: identity, frames: wire.frames, error: error,
                    header: header, into: &turn)
                return
            }
            let hash = MessageSignature.hash(wire)
            turn.receipt(
                Receipt.Entry(
                    messageId: id, sequence: sequence, status: .duplicate, acceptedAt: at, recipients: recipients,
                    hash: hash),
                to: header.source, identity: identity)
            turn.batch.audit.append(
                PendingAudit(
                    .duplicateIgnored, actor: header.source.rawValue, subject: header.subject, messageId: id,
                    messageHash: hash, detail: "\(header.type) #\(sequence) from \(header.source) received again; not stored twice"))
        case .rejected(let quarantineId, let reason, let detail, let rule):
            let rejection = Rejection(
                messageId: header.id, sequence: sequence, type: header.type,
                reason: Rejection.Reason(rawValue: reason) ?? .protocolViolation, detail: detail,
                quarantineId: quarantineId, rule: rule)
            turn.afterCommit.append { [self] _ in
                send(rejection, to: header.source, identity: identity, correlationid: header.id)
            }
        case nil:
            logger.warning(
                "sequence \(sequence) of \(header.source) is marked consumed but not found in the store")
        }
    }

    /// Tells a sender where its stream stands, so it resends from there (at most every 200 ms).
    func resume(_ source: AgencyID, identity: Data, into turn: inout Turn) {
        var node = nodes[source] ?? NodeState()
        let now = ContinuousClock.now
        if let last = node.lastResumeSent, now - last < .milliseconds(200) { return }
        node.lastResumeSent = now
        nodes[source] = node
        let welcome = welcome(for: source)
        turn.afterCommit.append { [self] _ in send(welcome, to: source, identity: identity) }
    }

    /// The welcome for this node, in the protocol it and the coordinator agreed on: a node that did not offer
    /// `xianjie/2` gets exactly the `xianjie/1` welcome.
    func welcome(for agency: AgencyID) -> Welcome {
        let chosen = nodes[agency]?.protocolVersion ?? BusProtocol.original
        let v2 = BusProtocol.version(chosen, atLeast: "xianjie/2")
        return Welcome(
            epoch: epoch, lastAcceptedSequence: sources[agency] ?? 0, credits: configuration.credits,
            heartbeatIntervalMs: configuration.heartbeatIntervalMs, maxMessageBytes: configuration.maxMessageBytes,
            topicHeads: topics, protocol: v2 ? chosen : nil, softwareVersion: v2 ? XianjieVersion.current : nil)
    }
}
