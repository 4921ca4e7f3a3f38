import Foundation
import Logging
import XianjieMessages
import ZeroMQ

/// The node's logic, driven by one task: sends the outbox within its credits, resends what the
/// coordinator has not answered, applies deliveries exactly once, fills broadcast gaps, keeps presence.
final class NodeEngine {
    let runtime: NodeRuntime
    var logger: Logger { runtime.logger }
    var configuration: NodeConfiguration { runtime.configuration }

    // Outbound stream
    var lastSequence: Int64
    var settledThrough: Int64
    var settledAbove: Set<Int64>
    var sentThrough: Int64
    var lastSendProgress = ContinuousClock.now
    /// Doubles with every resend that brings no answer (up to 30 s), back to the configured value on progress.
    var retransmitBackoff: Duration = .zero
    var credits = 64
    // Inbound stream
    var lastDelivery: Int64
    var topics: [String: Int64]
    /// Per topic: the replay asked for and not yet received, and the newest sequence known to exist.
    var replayPending: [String: (through: Int64, at: ContinuousClock.Instant)] = [:]
    var replayWanted: [String: Int64] = [:]
    var coordinatorSilent = false
    let startedAt = ContinuousClock.now
    // Coordinator session
    var epoch: String?
    var welcomed = false
    /// The bus protocol the coordinator chose in its last welcome (``BusProtocol``).
    var busProtocol = BusProtocol.original
    var lastHeard: ContinuousClock.Instant?
    var lastHelloSent: ContinuousClock.Instant?
    var lastHeartbeatSent = ContinuousClock.now
    var maxMessageBytes = 1 << 20

    init(runtime: NodeRuntime) throws {
        self.runtime = runtime
        let state = try runtime.store.loadStreamState()
        lastSequence = state.lastSequence
        settledThrough = state.settledThrough
        settledAbove = state.settledAbove
        sentThrough = state.settledThrough
        lastDelivery = state.lastDelivery
        topics = state.topics
        for topic in runtime.configuration.subscriptions where topics[topic] == nil { topics[topic] = 0 }
    }

    func start() async { sendHello() }

    /// Stopping on purpose: a coordinator speaking `xianjie/2` is told, so it marks this node absent at once.
    func stop() async {
        guard welcomed, BusProtocol.version(busProtocol, atLeast: "xianjie/2") else { return }
        sendControl(Goodbye(reason: "stopping"))
        // The sockets close without lingering: give the goodbye a moment to leave.
        try? await Task.sleep(for: .milliseconds(50))
    }

    /// Handles a batch of events: messages from the coordinator as one transaction, broadcasts as another.
    func handle(_ events: [NodeEvent]) async {
        var fromCoordinator: [ZMQMessage] = []
        var broadcasts: [ZMQMessage] = []
        var tick = false
        for event in events {
            switch event {
            case .fromCoordinator(let batch): fromCoordinator.append(contentsOf: batch)
            case .broadcast(let batch): broadcasts.append(contentsOf: batch)
            case .enqueued(let message): enqueued(message)
            case .tick: tick = true
            }
        }
        if !fromCoordinator.isEmpty { await self.fromCoordinator(fromCoordinator) }
        if !broadcasts.isEmpty { await self.broadcasts(broadcasts) }
        if tick { await self.tick() }
    }

    // MARK: Sending

    func transmit(_ frames: [Data]) {
        runtime.reactor.send(ZMQMessage(frames: frames), on: runtime.dealer)
    }

    func sendControl<P: MessagePayload>(_ payload: P) {
        let header = EnvelopeHeader(source: configuration.agency, type: P.messageType, dataschema: P.schemaID)
        guard let message = try? runtime.sign(WireMessage.make(payload, header: header)) else { return }
        transmit(message.frames)
    }

    func sendHello() {
        lastHelloSent = .now
        let subscriptions = topics.sorted { $0.key < $1.key }.map {
            Hello.Subscription(topic: $0.key, lastSequence: $0.value)
        }
        sendControl(
            Hello(
                nodeKind: configuration.kind, softwareVersion: XianjieVersion.current, lastDelivery: lastDelivery,
                subscriptions: subscriptions))
    }

    /// A message just committed to the outbox: send it now if it is next in line and credits allow.
    func enqueued(_ message: WireMessage) {
        guard let sequence = message.header.sequence else { return }
        lastSequence = max(lastSequence, sequence)
        guard welcomed, sentThrough == sequence - 1, sentThrough - settledThrough < Int64(credits) else { return }
        if sentThrough == settledThrough { lastSendProgress = .now }
        sentThrough = sequence
        transmit(message.frames)
    }

    /// Sends the outbox beyond `sentThrough`, within the credits.
    func pumpOutbox() async {
        while welcomed, sentThrough < lastSequence, sentThrough - settledThrough < Int64(credits) {
            let after = sentThrough
            let room = Int(Int64(credits) - (sentThrough - settledThrough))
            let rows: [(sequence: Int64, frames: [Data])]
            do {
                rows = try await runtime.store.outbox(after: after, limit: min(room, 512))
            } catch {
                logger.error("cannot read the outbox: \(error)")
                return
            }
            guard sentThrough == after, !rows.isEmpty else { return }
            if sentThrough == settledThrough { lastSendProgress = .now }
            for row in rows {
                transmit(row.frames)
                sentThrough = row.sequence
            }
        }
    }

    func tick() async {
        let now = ContinuousClock.now
        runtime.replies.expire(now: now)
        let interval = Duration.milliseconds(configuration.heartbeatIntervalMs)
        if now - lastHeartbeatSent >= interval {
            lastHeartbeatSent = now
            sendControl(Heartbeat())
        }
        if !welcomed, lastHelloSent.map({ now - $0 > interval }) ?? true { sendHello() }
        if lastHeard == nil, !coordinatorSilent, now - startedAt > interval * 5 {
            logger.warning(
                "no answer from the coordinator yet: check its endpoint and public key (coordinatorKeysPath), and that this agency is registered and active",
                metadata: ["xianjie.agency": "\(configuration.agency)", "xianjie.coordinator": "\(configuration.coordinator)"])
            coordinatorSilent = true
        }
        if let heard = lastHeard, now - heard > interval * 3, !coordinatorSilent {
            // Nothing to reset: a restarted coordinator announces a new epoch, and the node says hello then.
            logger.warning(
                "coordinator silent", metadata: ["xianjie.agency": "\(configuration.agency)"])
            coordinatorSilent = true
        }
        let base = Duration.milliseconds(configuration.retransmitTimeoutMs)
        if retransmitBackoff < base { retransmitBackoff = base }
        if sentThrough > settledThrough, now - lastSendProgress > retransmitBackoff {
            logger.info(
                "resending unanswered messages",
                metadata: [
                    "xianjie.count": "\(sentThrough - settledThrough)", "xianjie.from": "\(settledThrough + 1)",
                    "xianjie.nextRetry": "\(min(retransmitBackoff * 2, .seconds(30)))",
                ])
            sentThrough = settledThrough
            lastSendProgress = now
            retransmitBackoff = min(retransmitBackoff * 2, .seconds(30))
        }
        for (topic, pending) in replayPending where now - pending.at > .seconds(3) {
            replayPending[topic] = nil  // lost or slow: ask again
            continueReplay(topic)
        }
        await pumpOutbox()
    }
}

/// The software version nodes announce in their hello.
