import Foundation
import XianjieMessages
import ZeroMQ

/// One turn: what a batch of inbound messages writes, and what is answered once it is written.
struct Turn {
    var batch = IngestBatch()
    /// Run after the commit, in order; given the quarantine ids the commit assigned.
    var afterCommit: [(_ quarantineIDs: [Int64]) -> Void] = []
    /// Nodes whose queues may move once the turn is committed.
    var pump: Set<AgencyID> = []
    /// Replays and reports that read the store after the commit.
    var reads: [@Sendable () async -> Void] = []
    /// Recipients' acknowledgements to turn into delivery receipts for the senders.
    var delivered: [(recipient: AgencyID, from: Int64, to: Int64)] = []
    /// Receipts to send after the commit, one message per sender.
    var receipts: [AgencyID: (identity: Data, entries: [Receipt.Entry])] = [:]

    mutating func receipt(_ entry: Receipt.Entry, to source: AgencyID, identity: Data) {
        receipts[source, default: (identity, [])].entries.append(entry)
    }
}

extension CoordinatorEngine {
    /// Handles one batch of ROUTER messages: `[identity, header, data, signature]` each.
    func handle(_ batch: [ZMQMessage]) async {
        let started = ContinuousClock.now
        defer {
            turns += 1
            turnMessages += batch.count
            let elapsed = ContinuousClock.now - started
            turnNanoseconds += elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        }
        var turn = Turn()
        // A new day's deadlines run before the day's first document, so a late reply cannot slip in
        // ahead of its own overdue notice (after a restart, or just past midnight).
        if !configuration.clock.driven, configuration.clock.wallDay() > firedThrough {
            runDeadlines(through: configuration.clock.wallDay(), into: &turn)
        }
        for message in batch {
            await classify(message.frames, userID: message.userID, into: &turn)
        }
        await finish(turn)
    }

    /// Commits what a turn wrote, then answers: receipts, rejections, deliveries, reads.
    func finish(_ turn: Turn) async {
        var turn = turn
        if !turn.delivered.isEmpty { await confirmDeliveries(into: &turn) }
        for (source, receipt) in turn.receipts {
            turn.batch.audit.append(
                PendingAudit(
                    .receiptIssued, actor: AgencyID.coordinator.rawValue,
                    detail: "receipt to \(source) for \(receipt.entries.count) message(s): "
                        + receipt.entries.map { "\($0.messageId) #\($0.sequence) \($0.status.rawValue)" }.joined(separator: ", ")))
        }
        var quarantineIDs: [Int64] = []
        if !turn.batch.isEmpty {
            do {
                let started = ContinuousClock.now
                quarantineIDs = try await store.commit(turn.batch)
                metrics?.storeCommitted(in: .now - started)
            } catch is CancellationError {
                return  // shutting down: nothing of this batch was answered, senders resend
            } catch {
                logger.error(
                    "store write failed; nothing in this batch was acknowledged and senders will resend",
                    metadata: ["error": "\(error)"])
                do { try reloadState() } catch { logger.critical("cannot reload state from the store: \(error)") }
                return
            }
            messagesStored += Int64(turn.batch.accepted.count)
            quarantined += Int64(turn.batch.quarantined.count)
        }
        for (source, receipt) in turn.receipts.sorted(by: { $0.key < $1.key }) {
            send(Receipt(entries: receipt.entries), to: source, identity: receipt.identity)
        }
        for action in turn.afterCommit { action(quarantineIDs) }
        for agency in turn.pump.sorted() { await pump(agency) }
        for read in turn.reads { await read() }
    }

    private func classify(_ frames: [Data], userID: String?, into turn: inout Turn) async {
        guard let identity = frames.first else { return }
        let body = Array(frames.dropFirst())
        let peer = Self.peerName(identity)
        let wire: WireMessage
        do {
            wire = try WireMessage.decode(frames: body)
        } catch {
            quarantine(peer: peer, identity: identity, frames: body, error: error, header: nil, into: &turn)
            return
        }
        let header = wire.header
        guard header.source.rawValue == peer else {
            let error = EnvelopeError(
                .sourceMismatch, "envelope source \"\(header.source)\" is not the connection's identity \"\(peer)\"")
            quarantine(
                peer: peer, identity: identity, frames: body, error: error, header: header, settles: false, into: &turn)
            return
        }
        let agency = header.source
        if let trust, let refused = trust.authenticate(wire, userID: userID) {
            if refused.reason == .forbidden, header.type.isBusControl, header.source.rawValue == userID {
                // A suspended or revoked agency's node still beating: not worth a quarantine row a second.
                quietlyRefused(header.source, refused)
                return
            }
            countAuthenticationFailure()
            if refused.reason == .badSignature {
                // The sender's own message, badly signed: refused for good, its sequence consumed.
                await reject(wire, identity: identity, error: refused, into: &turn)
            } else {
                // Not this sender's to settle (another agency's envelope, or a suspended agency whose
                // messages stay pending): no sequence in the rejection.
                quarantine(
                    peer: peer, identity: identity, frames: body, error: refused, header: header, settles: false,
                    into: &turn)
            }
            return
        }
        // Presence is for nodes: known ones, or one saying hello (operators asking for status are not nodes).
        if nodes[agency] != nil || header.type == Hello.messageType { markSeen(agency, into: &turn) }
        if let problem = validator.check(wire) {
            await reject(wire, identity: identity, error: problem, into: &turn)
            return
        }
        switch header.type {
        case Hello.messageType: await hello(wire, identity: identity, into: &turn)
        case Goodbye.messageType: goodbye(from: agency)
        case Heartbeat.messageType: heartbeat(from: agency, identity: identity, into: &turn)
        case Ack.messageType: ack(wire, from: agency, into: &turn)
        case ReplayRequest.messageType: replay(wire, identity: identity, into: &turn)
        case StatusRequest.messageType: status(wire, identity: identity, into: &turn)
        case CaseQuery.messageType, DueQuery.messageType, MeetingQuery.messageType, MeetingSchedule.messageType,
            AgreementQuery.messageType, DeputyProfileQuery.messageType:
            if let refusal = queryRefusal(wire) {
                refuseQuery(wire, identity: identity, refusal, into: &turn)
                return
            }
            switch header.type {
            case CaseQuery.messageType: caseReport(wire, identity: identity, into: &turn)
            case DueQuery.messageType: dueReport(wire, identity: identity, into: &turn)
            case MeetingQuery.messageType: meetingReport(wire, identity: identity, into: &turn)
            case AgreementQuery.messageType: agreementReport(wire, identity: identity, into: &turn)
            case DeputyProfileQuery.messageType: deputyProfile(wire, identity: identity, into: &turn)
            default: scheduleMeeting(wire, identity: identity, into: &turn)
            }
        case ClockRequest.messageType: clock(wire, identity: identity, into: &turn)
        case Welcome.messageType, Receipt.messageType, Rejection.messageType, StatusReport.messageType,
            FlowEvent.messageType, DeliveryReceipt.messageType, CaseReport.messageType, DueReport.messageType,
            ClockReport.messageType, DeadlineNotice.messageType, MeetingReport.messageType, MeetingAgenda.messageType,
            AgreementReport.messageType, DeputyProfile.messageType:
            let error = EnvelopeError(.protocolViolation, "only the coordinator sends \(header.type)")
            await reject(wire, identity: identity, error: error, into: &turn)
        default:
            if let trust, let refused = trust.authorize(header) {
                await reject(wire, identity: identity, error: refused, into: &turn)
                return
            }
            if MessageCatalog.descriptor(for: header.type)?.delivery == .durable {
                await accept(wire, identity: identity, into: &turn)
            } else {
                route(wire, identity: identity, into: &turn)
            }
        }
    }

    static func peerName(_ identity: Data) -> String {
        if let text = String(data: identity, encoding: .utf8), AgencyID(text).isWellFormed { return text }
        return "peer-" + identity.map { String(format: "%02x", $0) }.joined()
    }

    static func identity(_ agency: AgencyID) -> Data { Data(agency.rawValue.utf8) }

    func markSeen(_ agency: AgencyID, into turn: inout Turn) {
        var node = nodes[agency] ?? NodeState()
        let now = ContinuousClock.now
        if !node.present {
            node.present = true
            node.sentThrough = node.ackedThrough
            node.lastProgress = now
            turn.pump.insert(agency)
            logger.info("node present", metadata: ["xianjie.agency": "\(agency)"])
        }
        node.lastSeen = now
        let wall = Date()
        node.lastSeenWall = wall
        if node.lastSeenPersisted.map({ wall.timeIntervalSince($0) > 5 }) ?? true {
            node.lastSeenPersisted = wall
            turn.batch.lastSeen[agency] = wall
        }
        nodes[agency] = node
    }
}
