import Foundation
import Prometheus
import Synchronization

/// The coordinator's Prometheus metrics (`/metrics`), written by the engine as things happen.
///
/// Names follow Prometheus conventions: `_total` counters, `_seconds` histograms, no unit-less gauges
/// without a name saying what they count. docs/console.md lists them.
package final class ConsoleMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    /// Counters with a label, made on first use: `metric|value` → counter.
    private let counters = Mutex<[String: Counter]>([:])
    private let queueDepths = Mutex<[String: Gauge]>([:])
    private let delivered: Counter
    private let acked: Counter
    private let redelivered: Counter
    private let zapRefused: Counter
    private let federated: Counter
    private let presentNodes: Gauge
    private let absentNodes: Gauge
    private let deadlinesRunning: Gauge
    private let deadlinesOverdue: Gauge
    private let storeCommit: DurationHistogram

    package init() {
        delivered = registry.makeCounter(descriptor: Self.name("deliveries_sent", "total", "Deliveries sent to nodes (first sends and redeliveries)."))
        acked = registry.makeCounter(descriptor: Self.name("deliveries_acked", "total", "Deliveries nodes acknowledged as applied."))
        redelivered = registry.makeCounter(descriptor: Self.name("redeliveries", "total", "Deliveries sent again after a node made no progress."))
        zapRefused = registry.makeCounter(descriptor: Self.name("authentication_refusals", "total", "Connections refused by ZAP or a failed CURVE handshake."))
        federated = registry.makeCounter(descriptor: Self.name("federation_admitted", "total", "Documents admitted from other regions' coordinators."))
        presentNodes = registry.makeGauge(descriptor: Self.name("nodes_present", "", "Nodes heard within the presence timeout."))
        absentNodes = registry.makeGauge(descriptor: Self.name("nodes_absent", "", "Known nodes not heard within the presence timeout."))
        deadlinesRunning = registry.makeGauge(descriptor: Self.name("deadlines_running", "", "Legal deadlines running, not yet due."))
        deadlinesOverdue = registry.makeGauge(descriptor: Self.name("deadlines_overdue", "", "Deadlines past due and still unmet."))
        storeCommit = registry.makeDurationHistogram(
            descriptor: Self.name("store_commit", "seconds", "Time to commit one turn's writes to the coordinator's SQLite store."),
            buckets: [.microseconds(250), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                      .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1)])
    }

    /// A durable document accepted and stored.
    package func accepted(type: String) {
        labelled("messages_accepted", "Durable documents accepted and stored, by message type.", ("type", type)).increment()
    }

    /// A message refused (quarantined), by reason.
    package func rejected(reason: String) {
        labelled("rejections", "Messages refused, by reason (forbidden, workflowViolation …).", ("reason", reason)).increment()
    }

    package func deliveriesSent(_ count: Int) { if count > 0 { delivered.increment(by: Int64(count)) } }
    package func deliveriesAcked(_ count: Int64) { if count > 0 { acked.increment(by: count) } }
    package func redeliveries(_ count: Int) { if count > 0 { redelivered.increment(by: Int64(count)) } }
    package func authenticationRefused() { zapRefused.increment() }
    package func federationAdmitted() { federated.increment() }
    package func storeCommitted(in duration: Duration) { storeCommit.record(duration) }

    package func presence(present: Int, absent: Int) {
        presentNodes.set(Double(present))
        absentNodes.set(Double(absent))
    }

    package func deadlines(running: Int, overdue: Int) {
        deadlinesRunning.set(Double(running))
        deadlinesOverdue.set(Double(overdue))
    }

    /// Every node's queue: documents stored for it and not yet acknowledged.
    package func queueDepth(_ agency: String, _ depth: Int64) {
        let gauge = queueDepths.withLock { gauges in
            if let gauge = gauges[agency] { return gauge }
            let gauge = registry.makeGauge(
                descriptor: Self.name("queue_depth", "", "Documents stored for a node and not yet acknowledged."),
                labels: [("agency", agency)])
            gauges[agency] = gauge
            return gauge
        }
        gauge.set(Double(depth))
    }

    /// The text exposition format.
    package func text() -> [UInt8] { registry.emitToBuffer() }

    private func labelled(_ metric: String, _ help: String, _ label: (String, String)) -> Counter {
        counters.withLock { counters in
            if let counter = counters[metric + "|" + label.1] { return counter }
            let counter = registry.makeCounter(descriptor: Self.name(metric, "total", help), labels: [label])
            counters[metric + "|" + label.1] = counter
            return counter
        }
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "xianjie", metricName: metric, unitName: unit, helpText: help)
    }
}
