import Foundation
import XianjieConsole
import XianjieMessages

extension CoordinatorEngine {
    /// Refuses a readable message: a durable one consumes its sequence (so the sender's stream moves on),
    /// the frames go to quarantine, the sender gets a rejection naming the reason.
    func reject(_ wire: WireMessage, identity: Data, error: EnvelopeError, into turn: inout Turn) async {
        let header = wire.header
        if let sequence = header.sequence, MessageCatalog.descriptor(for: header.type)?.delivery != .transient {
            let last = sources[header.source] ?? 0
            if sequence > last + 1 {
                resume(header.source, identity: identity, into: &turn)
                return
            }
            if sequence <= last {
                await accept(wire, identity: identity, into: &turn)  // answers as the first time
                return
            }
            sources[header.source] = sequence
            turn.batch.sourceSequences[header.source] = sequence
        }
        quarantine(
            peer: header.source.rawValue, identity: identity, frames: wire.frames, error: error, header: header,
            into: &turn)
    }

    /// Keeps the frames with the reason and tells the sender. `settles`: the rejection names the sequence,
    /// so the sender's outbox marks it refused (false when the message was not the sender's own to settle).
    /// `answer`: false when the sender is not connected here (a document relayed from another region).
    func quarantine(
        peer: String, identity: Data, frames: [Data], error: any Error, header: EnvelopeHeader?, settles: Bool = true,
        answer: Bool = true, into turn: inout Turn
    ) {
        let problem = error as? EnvelopeError ?? EnvelopeError(.malformedFrames, "\(error)")
        let index = turn.batch.quarantined.count
        turn.batch.quarantined.append(
            IngestBatch.Quarantined(
                peer: peer, source: header?.source, sequence: header?.sequence, messageId: header?.id,
                reason: problem.reason, detail: problem.detail, frames: frames, rule: problem.rule))
        countRejection(problem.reason)
        turn.batch.audit.append(
            PendingAudit(
                problem.reason == .forbidden
                    ? .policyDenied : problem.reason == .workflowViolation ? .workflowRefused : .messageRejected,
                actor: peer, subject: header?.subject,
                messageId: header?.id,
                detail: "\(header?.type.rawValue ?? "unreadable message") refused: \(problem.reason.rawValue)"
                    + (problem.rule.map { "(\($0))" } ?? "") + ": \(problem.detail)"))
        logger.notice(
            "rejected a message",
            metadata: [
                "xianjie.agency": "\(peer)", "xianjie.message.id": "\(header?.id ?? "-")",
                "xianjie.rejection": "\(problem.reason.rawValue)", "xianjie.detail": "\(problem.detail)",
                "xianjie.rule": "\(problem.rule ?? "-")",
            ])
        let bytes = frames.reduce(0) { $0 + $1.count }
        turn.afterCommit.append { [self] quarantineIDs in
            let rejection = Rejection(
                messageId: header?.id, sequence: settles ? header?.sequence : nil, type: header?.type, reason: problem.reason,
                detail: problem.detail, errors: problem.errors.isEmpty ? nil : Array(problem.errors.prefix(50)),
                quarantineId: index < quarantineIDs.count ? quarantineIDs[index] : nil, rule: problem.rule)
            if answer { send(rejection, to: AgencyID(peer), identity: identity, correlationid: header?.id) }
            if console != nil {
                recentRejections.append(
                    ConsoleSnapshot.Rejection(
                        at: Date(), source: peer, type: header?.type, messageId: header?.id, reason: problem.reason.rawValue,
                        rule: problem.rule, detail: problem.detail, quarantineId: rejection.quarantineId))
                if recentRejections.count > 100 { recentRejections.removeFirst(recentRejections.count - 100) }
            }
            if flowWanted {
                publishFlow(
                    FlowEvent(
                        event: .rejected, messageId: header?.id, at: Date(), source: AgencyID(peer), type: header?.type,
                        recipients: header?.recipients ?? [], topic: header?.topic, subject: header?.subject,
                        bytes: bytes, reason: problem.reason.rawValue))
            }
        }
    }
}
