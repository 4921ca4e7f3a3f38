import Foundation
import Logging
import XianjieMessages

extension CoordinatorEngine {
    /// Sends a present node what its queue holds beyond what was sent, within its credits.
    func pump(_ agency: AgencyID) async {
        let credits = Int64(configuration.credits)
        while let node = nodes[agency], node.present, node.sentThrough < node.queueTail, node.inFlight < credits {
            let after = node.sentThrough
            let rows: [(seq: Int64, message: [Data])]
            do {
                rows = try await store.deliveries(
                    for: agency, after: after, limit: Int(min(credits - node.inFlight, 512)))
            } catch is CancellationError {
                return
            } catch {
                logger.error("cannot read the queue of \(agency): \(error)")
                return
            }
            // The node may have changed while the store was read (it is only changed by this task,
            // but stay safe): continue only from where we were.
            guard var current = nodes[agency], current.present, current.sentThrough == after, !rows.isEmpty else {
                return
            }
            if current.inFlight == 0 { current.lastProgress = .now }
            let identity = Self.identity(agency)
            for row in rows {
                outbound.toNode(identity, [DeliveryMeta(deliver: row.seq).encoded()] + row.message)
                current.sentThrough = row.seq
            }
            metrics?.deliveriesSent(rows.count)
            nodes[agency] = current
        }
    }

    /// Presence and redelivery, every tick.
    func tick() async {
        reloadRegistryIfChanged()
        await runDeadlinesIfDayChanged()
        let now = ContinuousClock.now
        if now - lastReport > .seconds(1), turns > 0 {
            logger.debug(
                "turns",
                metadata: [
                    "xianjie.turns": "\(turns)", "xianjie.messages": "\(turnMessages)",
                    "xianjie.turn.averageMicroseconds": "\(turnNanoseconds / Int64(turns) / 1000)",
                ])
            turns = 0
            turnMessages = 0
            turnNanoseconds = 0
            lastReport = now
        }
        let absentAfter = Duration.milliseconds(configuration.presenceTimeoutMs)
        let resendAfter = Duration.milliseconds(configuration.redeliveryTimeoutMs)
        for agency in nodes.keys.sorted() {
            guard var node = nodes[agency], node.present else { continue }
            if let seen = node.lastSeen, now - seen > absentAfter {
                node.present = false
                node.sentThrough = node.ackedThrough
                nodes[agency] = node
                logger.info("node absent", metadata: ["xianjie.agency": "\(agency)"])
                continue
            }
            if node.inFlight > 0, now - node.lastProgress > resendAfter {
                logger.info(
                    "redelivering unacknowledged messages",
                    metadata: ["xianjie.agency": "\(agency)", "xianjie.count": "\(node.inFlight)"])
                metrics?.redeliveries(Int(node.inFlight))
                node.sentThrough = node.ackedThrough
                node.lastProgress = now
                nodes[agency] = node
            }
            if node.sentThrough < node.queueTail { await pump(agency) }
        }
        updateConsole(now: now)
    }

    /// The ROUTER could not hand a message to this node: it is gone.
    func unreachable(_ agency: AgencyID) { markAbsent(agency, "node unreachable") }

    /// Absent from now: deliveries wait, and what was in flight goes again when it is back.
    func markAbsent(_ agency: AgencyID, _ why: Logger.Message) {
        guard var node = nodes[agency], node.present else { return }
        node.present = false
        node.sentThrough = node.ackedThrough
        nodes[agency] = node
        logger.info(why, metadata: ["xianjie.agency": "\(agency)"])
    }
}
