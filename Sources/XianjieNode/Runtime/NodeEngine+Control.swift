import Foundation
import XianjieMessages

extension NodeEngine {
    /// A transient message: the coordinator's control messages, replies to our requests, requests to us.
    func control(
        _ wire: WireMessage, accepted: inout [Int64], rejected: inout [(sequence: Int64, reason: String)],
        receipts: inout [WireMessage]
    ) async {
        let header = wire.header
        let fromCoordinator = header.type.isBusControl && header.type != Ping.messageType && header.type != Pong.messageType
        if fromCoordinator, !runtime.isFromCoordinator(wire) {
            logger.error(
                "ignoring a control message that is not signed by the coordinator",
                metadata: ["xianjie.message.type": "\(header.type)", "xianjie.message.source": "\(header.source)"])
            return
        }
        switch header.type {
        case Receipt.messageType:
            if let receipt = try? wire.payload(Receipt.self) {
                accepted.append(contentsOf: receipt.entries.map(\.sequence))
                receipts.append(wire)
            }
        case Rejection.messageType:
            guard let rejection = try? wire.payload(Rejection.self) else { return }
            if let correlation = header.correlationid, runtime.replies.isExpecting(correlation) {
                runtime.replies.resume(correlation, with: wire)
            }
            if let sequence = rejection.sequence, rejection.messageId != nil {
                let rule = rejection.rule.map { "(\($0))" } ?? ""
                rejected.append((sequence, "\(rejection.reason.rawValue)\(rule): \(rejection.detail)"))
            }
            logger.warning(
                "the coordinator rejected a message",
                metadata: [
                    "xianjie.message.id": "\(rejection.messageId ?? "-")",
                    "xianjie.rejection": "\(rejection.reason.rawValue)", "xianjie.detail": "\(rejection.detail)",
                    "xianjie.rule": "\(rejection.rule ?? "-")",
                ])
        case Welcome.messageType:
            guard let welcome = try? wire.payload(Welcome.self) else { return }
            await welcomed(welcome)
        case Heartbeat.messageType:
            guard let beat = try? wire.payload(Heartbeat.self) else { return }
            if let epoch = beat.epoch, epoch != self.epoch {
                welcomed = false
                sendHello()
            } else if let heads = beat.topicHeads {
                fillGaps(heads)
            }
        default:
            if let correlation = header.correlationid, runtime.replies.isExpecting(correlation) {
                runtime.replies.resume(correlation, with: wire)
                return
            }
            await answer(wire)
        }
    }

    private func welcomed(_ welcome: Welcome) async {
        if welcome.lastAcceptedSequence > lastSequence {
            logger.error(
                "the coordinator has consumed messages this node's store does not remember (restored from an old backup?); continuing after them",
                metadata: [
                    "xianjie.coordinator.lastAccepted": "\(welcome.lastAcceptedSequence)",
                    "xianjie.store.lastSequence": "\(lastSequence)",
                ])
            try? await runtime.store.realignSequence(atLeast: welcome.lastAcceptedSequence)
            lastSequence = welcome.lastAcceptedSequence
            settledThrough = max(settledThrough, welcome.lastAcceptedSequence)
        }
        epoch = welcome.epoch
        welcomed = true
        busProtocol = welcome.protocol ?? BusProtocol.original
        retransmitBackoff = .milliseconds(configuration.retransmitTimeoutMs)
        credits = max(1, welcome.credits)
        maxMessageBytes = welcome.maxMessageBytes
        // Everything not settled goes again; the coordinator answers resends as it did the first time.
        sentThrough = settledThrough
        lastSendProgress = .now
        fillGaps(welcome.topicHeads)
        logger.info(
            "welcomed by the coordinator",
            metadata: [
                "xianjie.agency": "\(configuration.agency)", "xianjie.epoch": "\(welcome.epoch)",
                "xianjie.protocol": "\(busProtocol)", "xianjie.coordinator.softwareVersion": "\(welcome.softwareVersion ?? "before 0.2.0")",
                "xianjie.outbox.unanswered": "\(lastSequence - settledThrough)",
            ])
    }

    private func fillGaps(_ heads: [String: Int64]) {
        for (topic, head) in heads {
            guard let last = topics[topic], head > last else { continue }
            wantReplay(topic: topic, through: head)
        }
    }

    /// A request addressed to this node: answered with `correlationid`.
    private func answer(_ wire: WireMessage) async {
        let header = wire.header
        let reply: (any MessagePayload)?
        if let handler = runtime.requestHandler, let answer = await handler(wire) {
            reply = answer
        } else if header.type == Ping.messageType {
            reply = Pong(note: (try? wire.payload(Ping.self))?.note, receivedAt: Date())
        } else {
            reply = nil
        }
        guard let reply else { return }
        sendReply(reply, to: header)
    }

    private func sendReply<P: MessagePayload>(_ payload: P, to request: EnvelopeHeader) {
        let header = EnvelopeHeader(
            source: configuration.agency, type: P.messageType, dataschema: P.schemaID, recipients: [request.source],
            correlationid: request.id)
        guard let message = try? runtime.sign(WireMessage.make(payload, header: header)) else { return }
        transmit(message.frames)
    }
}
