import Foundation
import XianjieConsole
import XianjieMessages
import XianjieProtocols

/// What the console shows, built on the engine's own task from its own state.
extension CoordinatorEngine {
    /// Every tick: a new snapshot at most every 500 ms while a dashboard watches (or one was asked for
    /// lately), and the gauges of `/metrics` once a second.
    func updateConsole(now: ContinuousClock.Instant) {
        if let metrics, now - lastGaugesAt >= .seconds(1) {
            lastGaugesAt = now
            var present = 0
            for (agency, node) in nodes {
                if node.present { present += 1 }
                metrics.queueDepth(agency.rawValue, node.queueDepth)
            }
            metrics.presence(present: present, absent: nodes.count - present)
            var running = 0
            var overdue = 0
            for record in workflow.records.values {
                running += record.process.timers.running.count
                overdue += record.process.timers.overdue.count
            }
            metrics.deadlines(running: running, overdue: overdue)
        }
        if let console, now - lastKeepAliveAt >= .seconds(10) {
            lastKeepAliveAt = now
            console.keepAlive()
        }
        guard let console, console.isWanted, now - lastSnapshotAt >= .milliseconds(500) else { return }
        lastSnapshotAt = now
        console.update(consoleSnapshot())
    }

    func consoleSnapshot() -> ConsoleSnapshot {
        ConsoleSnapshot(
            generatedAt: Date(), today: today, region: configuration.region, status: statusReport(),
            due: dueReport(agency: nil, withinDays: nil), meetings: meetingReport(meetingId: nil),
            agreements: agreementReport(agreementId: nil), rejections: recentRejections.reversed(), workflow: workflowFigures())
    }

    /// Procuratorial suggestions issued, answered (on time), rectified; deadlines running and overdue.
    func workflowFigures() -> ConsoleSnapshot.WorkflowFigures {
        var figures = ConsoleSnapshot.WorkflowFigures()
        let rectifiedStates: Set<PublicInterestCaseProcess.State> = [.rectified, .lookBack, .closed, .withdrawnOnCompliance]
        for record in workflow.records.values {
            let timers = record.process.timers
            figures.runningNow += timers.running.count
            figures.overdueNow += timers.overdue.count
            guard case .publicInterestCase(let c) = record.process, c.documentNumber != nil else { continue }
            figures.suggestionsIssued += 1
            if c.replyStatus != nil {
                figures.replied += 1
                if c.repliedLate == false { figures.repliedOnTime += 1 }
            }
            if rectifiedStates.contains(c.state) { figures.rectified += 1 }
        }
        figures.rectificationRate =
            figures.suggestionsIssued == 0 ? nil : Double(figures.rectified) / Double(figures.suggestionsIssued)
        return figures
    }
}
