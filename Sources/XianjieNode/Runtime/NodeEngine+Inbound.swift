import Foundation
import XianjieMessages
import ZeroMQ

extension NodeEngine {
    /// Messages from the coordinator over the DEALER: `[meta, header, data, signature]` each.
    func fromCoordinator(_ batch: [ZMQMessage]) async {
        lastHeard = .now
        if coordinatorSilent {
            coordinatorSilent = false
            logger.info("coordinator heard again", metadata: ["xianjie.agency": "\(configuration.agency)"])
        }
        var deliveries: [InboxMessage] = []
        var broadcasts: [InboxMessage] = []
        var accepted: [Int64] = []
        var rejected: [(sequence: Int64, reason: String)] = []
        var receipts: [WireMessage] = []
        var next = lastDelivery
        var redelivered = false
        let now = Date()
        for message in batch {
            guard message.frames.count == 4, let meta = try? DeliveryMeta.decode(message.frames[0]),
                let wire = try? WireMessage.decode(frames: Array(message.frames.dropFirst()))
            else {
                logger.warning("ignoring a malformed message from the coordinator")
                continue
            }
            if let deliver = meta.deliver {
                if deliver == next + 1 {
                    next = deliver
                    let verified = runtime.verification(of: wire)
                    if verified < 0 {
                        logger.critical(
                            "a delivered document's signature does not verify with its sender's key; kept in the inbox marked invalid",
                            metadata: ["xianjie.message.id": "\(wire.header.id)", "xianjie.message.source": "\(wire.header.source)"])
                    }
                    deliveries.append(
                        InboxMessage(position: deliver, topic: nil, message: wire, receivedAt: now, verified: verified))
                } else if deliver <= lastDelivery {
                    redelivered = true
                }
                continue
            }
            if let topic = meta.topic, let tseq = meta.tseq {
                collectBroadcast(wire, topic: topic, tseq: tseq, into: &broadcasts, now: now)
                continue
            }
            await control(wire, accepted: &accepted, rejected: &rejected, receipts: &receipts)
        }
        await commitInbound(deliveries: deliveries, broadcasts: broadcasts, through: next)
        // Already applied: say so again, or the coordinator keeps redelivering them.
        if redelivered, deliveries.isEmpty { sendControl(Ack(through: lastDelivery)) }
        if !accepted.isEmpty || !rejected.isEmpty {
            await settle(accepted: accepted, rejected: rejected, receipts: receipts)
        }
        await pumpOutbox()
    }

    /// Broadcasts from the SUB socket: `[topic, meta, header, data, signature]` each.
    func broadcasts(_ batch: [ZMQMessage]) async {
        var broadcasts: [InboxMessage] = []
        let now = Date()
        for message in batch {
            guard message.frames.count == 5, let meta = try? DeliveryMeta.decode(message.frames[1]),
                let topic = meta.topic, let tseq = meta.tseq,
                let wire = try? WireMessage.decode(frames: Array(message.frames.dropFirst(2)))
            else { continue }
            collectBroadcast(wire, topic: topic, tseq: tseq, into: &broadcasts, now: now)
        }
        await commitInbound(deliveries: [], broadcasts: broadcasts, through: lastDelivery)
    }

    private func collectBroadcast(
        _ wire: WireMessage, topic: String, tseq: Int64, into broadcasts: inout [InboxMessage], now: Date
    ) {
        guard let last = topics[topic] else { return }  // not subscribed
        let pendingLast = broadcasts.last(where: { $0.topic == topic })?.position ?? last
        if tseq == pendingLast + 1 {
            broadcasts.append(InboxMessage(position: tseq, topic: topic, message: wire, receivedAt: now))
        } else if tseq > pendingLast + 1 {
            wantReplay(topic: topic, through: tseq, from: pendingLast)
        }
    }

    /// Broadcasts up to `through` exist that this node does not hold: fetch them, one range at a time.
    func wantReplay(topic: String, through: Int64, from last: Int64? = nil) {
        replayWanted[topic] = max(replayWanted[topic] ?? 0, through)
        continueReplay(topic, from: last)
    }

    /// Asks for the next range of missing broadcasts, unless a request is already under way.
    func continueReplay(_ topic: String, from held: Int64? = nil) {
        guard replayPending[topic] == nil, let last = held ?? topics[topic], let wanted = replayWanted[topic],
            wanted > last
        else { return }
        let through = min(wanted, last + 1000)
        replayPending[topic] = (through, .now)
        sendControl(ReplayRequest(topic: topic, fromSequence: last + 1, toSequence: through))
        runtime.replayRequests.add(1, ordering: .relaxed)
    }

    private func commitInbound(deliveries: [InboxMessage], broadcasts: [InboxMessage], through: Int64) async {
        guard !deliveries.isEmpty || !broadcasts.isEmpty else {
            return
        }
        do {
            try await runtime.store.apply(
                deliveries: deliveries, broadcasts: broadcasts, lastDelivery: through, applier: runtime.applier)
        } catch {
            logger.error("cannot store received messages; the coordinator will deliver them again: \(error)")
            return
        }
        if !deliveries.isEmpty {
            lastDelivery = through
            sendControl(Ack(through: through))
        }
        var touched: Set<String> = []
        for item in broadcasts {
            if let topic = item.topic {
                topics[topic] = item.position
                touched.insert(topic)
            }
        }
        for topic in touched {
            if let pending = replayPending[topic], pending.through <= topics[topic] ?? 0 { replayPending[topic] = nil }
            continueReplay(topic)
        }
        runtime.inboxChanged.notify()
    }

    private func settle(
        accepted: [Int64], rejected: [(sequence: Int64, reason: String)], receipts: [WireMessage]
    ) async {
        do {
            try await runtime.store.settle(accepted: accepted, rejected: rejected, receipts: receipts)
        } catch {
            logger.error("cannot record the coordinator's answers: \(error)")
            return
        }
        for sequence in accepted { settledAbove.insert(sequence) }
        for item in rejected { settledAbove.insert(item.sequence) }
        let before = settledThrough
        while settledAbove.remove(settledThrough + 1) != nil { settledThrough += 1 }
        settledAbove = settledAbove.filter { $0 > settledThrough }
        if settledThrough > before {
            lastSendProgress = .now
            retransmitBackoff = .milliseconds(configuration.retransmitTimeoutMs)
        }
        if sentThrough < settledThrough { sentThrough = settledThrough }
        runtime.settlementsChanged.notify()
    }
}
