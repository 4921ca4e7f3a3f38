import Foundation
import XianjieMessages

extension CoordinatorEngine {
    func hello(_ wire: WireMessage, identity: Data, into turn: inout Turn) async {
        let agency = wire.header.source
        guard let hello = try? wire.payload(Hello.self) else { return }
        guard let chosen = BusProtocol.negotiate(offered: hello.protocols) else {
            let error = EnvelopeError(
                .protocolViolation,
                "this coordinator (\(XianjieVersion.current)) speaks \(BusProtocol.supported.joined(separator: ", ")) "
                    + "and the node offered only \(hello.protocols.joined(separator: ", ")); upgrade the older of the two")
            await reject(wire, identity: identity, error: error, into: &turn)
            return
        }
        var node = nodes[agency] ?? NodeState()
        if node.protocolVersion != chosen || node.softwareVersion != hello.softwareVersion {
            logger.info(
                "node speaks \(chosen)",
                metadata: [
                    "xianjie.agency": "\(agency)", "xianjie.node.softwareVersion": "\(hello.softwareVersion)",
                    "xianjie.node.protocols": "\(hello.protocols.joined(separator: ","))",
                ])
        }
        node.protocolVersion = chosen
        node.kind = hello.nodeKind
        node.softwareVersion = hello.softwareVersion
        turn.batch.nodes.append(.init(agency: agency, kind: hello.nodeKind, softwareVersion: hello.softwareVersion))
        if hello.lastDelivery > node.queueTail {
            logger.warning(
                "node says it holds deliveries the coordinator never queued; was the coordinator's store replaced?",
                metadata: [
                    "xianjie.agency": "\(agency)", "xianjie.node.lastDelivery": "\(hello.lastDelivery)",
                    "xianjie.queue.tail": "\(node.queueTail)",
                ])
        }
        let held = min(hello.lastDelivery, node.queueTail)
        if held > node.ackedThrough {
            turn.batch.acks[agency] = (node.ackedThrough, held)
            turn.delivered.append((agency, node.ackedThrough, held))
            node.ackedThrough = held
        }
        node.sentThrough = node.ackedThrough
        node.lastProgress = .now
        nodes[agency] = node
        turn.pump.insert(agency)
        let welcome = welcome(for: agency)
        turn.afterCommit.append { [self] _ in send(welcome, to: agency, identity: identity, correlationid: wire.header.id) }
    }

    /// A node stopping on purpose: absent now, deliveries wait for its next hello.
    func goodbye(from agency: AgencyID) { markAbsent(agency, "node said goodbye") }

    func heartbeat(from agency: AgencyID, identity: Data, into turn: inout Turn) {
        let beat = Heartbeat(epoch: epoch, topicHeads: topics)
        turn.afterCommit.append { [self] _ in send(beat, to: agency, identity: identity) }
    }

    func ack(_ wire: WireMessage, from agency: AgencyID, into turn: inout Turn) {
        guard let ack = try? wire.payload(Ack.self), var node = nodes[agency] else { return }
        let through = min(ack.through, node.queueTail)
        guard through > node.ackedThrough else { return }
        let from = turn.batch.acks[agency]?.from ?? node.ackedThrough
        turn.batch.acks[agency] = (from, through)
        turn.delivered.append((agency, node.ackedThrough, through))
        metrics?.deliveriesAcked(through - node.ackedThrough)
        node.ackedThrough = through
        node.sentThrough = max(node.sentThrough, through)
        node.lastProgress = .now
        nodes[agency] = node
        turn.pump.insert(agency)
    }

    func replay(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let request = try? wire.payload(ReplayRequest.self) else { return }
        let head = topics[request.topic] ?? 0
        let through = min(request.toSequence ?? head, head, request.fromSequence + 999)
        guard through >= request.fromSequence else { return }
        let store = self.store
        let outbound = self.outbound
        let logger = self.logger
        turn.reads.append {
            do {
                let rows = try await store.broadcasts(
                    topic: request.topic, from: request.fromSequence, through: through, limit: 1000)
                for row in rows {
                    outbound.toNode(
                        identity, [DeliveryMeta(topic: request.topic, tseq: row.tseq).encoded()] + row.message)
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("cannot read broadcasts for a replay: \(error)")
            }
        }
    }

    func status(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        let agency = wire.header.source
        turn.afterCommit.append { [self] _ in
            send(statusReport(), to: agency, identity: identity, correlationid: wire.header.id)
        }
    }

    func statusReport() -> StatusReport {
        let now = ContinuousClock.now
        let wallNow = Date()
        let reported = nodes.sorted { $0.key < $1.key }.map { agency, node in
            var seen = node.lastSeenWall
            if let lastSeen = node.lastSeen {
                let elapsed = now - lastSeen
                seen = wallNow.addingTimeInterval(
                    -Double(elapsed.components.seconds) - Double(elapsed.components.attoseconds) / 1e18)
            }
            return StatusReport.Node(
                agency: agency, kind: node.kind, softwareVersion: node.softwareVersion, present: node.present,
                lastSeen: seen, queueDepth: node.queueDepth, inFlight: node.inFlight,
                lastAcceptedSequence: sources[agency] ?? 0, protocol: node.protocolVersion)
        }
        var report = StatusReport(
            epoch: epoch, startedAt: startedAt, messagesStored: messagesStored, quarantined: quarantined,
            rejectionsByReason: rejectionsByReason, topicHeads: topics, nodes: reported)
        report.authenticationFailures = authenticationFailuresTotal
        report.alerts = alerts.isEmpty ? nil : alerts
        return report
    }

    /// A transient message between nodes (a request or its reply): forwarded if the recipient is present.
    func route(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        let header = wire.header
        let recipients = header.recipients ?? []
        turn.afterCommit.append { [self] _ in
            for recipient in recipients {
                if nodes[recipient]?.present == true {
                    outbound.toNode(Self.identity(recipient), [DeliveryMeta.transient.encoded()] + wire.frames)
                } else {
                    let rejection = Rejection(
                        messageId: header.id, type: header.type, reason: .recipientUnavailable,
                        detail: "\(recipient) is not connected; requests are not queued, retry later")
                    countRejection(.recipientUnavailable)
                    send(rejection, to: header.source, identity: identity, correlationid: header.id)
                }
            }
        }
    }
}
