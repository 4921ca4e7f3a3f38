import ArgumentParser
import Foundation

/// `xianjie-bench`: the bus against raw libzmq doing the same transport, in one run on this machine.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xianjie-bench",
        abstract: "Measure the bus next to raw libzmq: durable throughput, round trips, broadcast fan-out.",
        discussion: "Build with -c release: swift run -c release xianjie-bench",
        subcommands: [Transport.self, Memory.self, Codec.self, StoreCost.self, WorkflowCost.self, ConsoleLoad.self], defaultSubcommand: Transport.self)
}

struct Transport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Throughput and latency, bus vs raw libzmq.")

    @Option(help: "Durable messages to send.") var messages = 20_000
    @Option(help: "Payload size in bytes.") var size = 1024
    @Option(help: "Round trips to time.") var roundTrips = 2_000
    @Option(help: "Broadcasts to send.") var broadcasts = 20_000

    func run() async throws {
        print("xianjie-bench — \(ProcessInfo.processInfo.activeProcessorCount) cores, payload \(size) B")
        print(String(repeating: "-", count: 86))
        let rawRelay = RawZMQ.relayThroughput(count: messages * 5, size: size)
        let fsync = try await BusBench(synchronousFull: true).durableThroughput(count: messages, size: size)
        let noFsync = try await BusBench(synchronousFull: false).durableThroughput(count: messages, size: size)
        row("addressed 1 node → coordinator → 1 node (msg/s)", "raw DEALER→ROUTER→DEALER", rawRelay)
        row("  bus, durable, fsync per group commit", "ratio to raw", fsync, rawRelay)
        row("  bus, durable, synchronous=NORMAL (process-crash safe)", "ratio to raw", noFsync, rawRelay)
        let signed = try await BusBench(synchronousFull: true, secure: true).durableThroughput(count: messages, size: size)
        row("  bus, durable, fsync, CURVE + Ed25519 + policy + audit", "ratio to raw", signed, rawRelay)
        print(pad("  cost of trust on durable throughput") + String(format: " %9.1f%%", 100 * (1 - signed / fsync)))

        let rawTrips = RawZMQ.relayRoundTrips(count: roundTrips, size: 64)
        let busTrips = try await BusBench(synchronousFull: false).roundTrips(count: roundTrips)
        let signedTrips = try await BusBench(synchronousFull: false, secure: true).roundTrips(count: roundTrips)
        print(
            pad("request/reply round trip via coordinator")
                + String(format: " raw p50 %6.0f µs  p99 %6.0f µs", percentile(rawTrips, 50), percentile(rawTrips, 99)))
        print(
            pad("  bus (node → coordinator → node → coordinator → node)")
                + String(
                    format: " bus p50 %6.0f µs  p99 %6.0f µs  (p50 ×%.1f raw)", percentile(busTrips, 50),
                    percentile(busTrips, 99), percentile(busTrips, 50) / percentile(rawTrips, 50)))
        print(
            pad("  bus with CURVE + Ed25519")
                + String(
                    format: " bus p50 %6.0f µs  p99 %6.0f µs  (p50 ×%.1f raw)", percentile(signedTrips, 50),
                    percentile(signedTrips, 99), percentile(signedTrips, 50) / percentile(rawTrips, 50)))

        let rawPubSub = RawZMQ.pubSubThroughput(count: broadcasts * 5, size: size)
        let bridge = try await BridgeFanOut.throughput(count: broadcasts * 5, size: size)
        let durableBroadcast = try await BusBench(synchronousFull: false).durableBroadcast(count: broadcasts, size: size)
        row("broadcast fan-out to 1 subscriber (msg/s)", "raw PUB→SUB", rawPubSub)
        row("  coordinator XPUB → node SUB via the Swift reactor", "ratio to raw", bridge, rawPubSub)
        row("  durable broadcast: node → store → XPUB → node applied", "ratio to raw", durableBroadcast, rawPubSub)
    }

    func row(_ label: String, _ note: String, _ value: Double, _ baseline: Double? = nil) {
        let ratio = baseline.map { String(format: "  (%.1f%% of raw)", 100 * value / $0) } ?? "  (\(note))"
        print(pad(label) + String(format: " %10.0f", value) + ratio)
    }

    func pad(_ text: String) -> String { text.padding(toLength: 58, withPad: " ", startingAt: 0) }

    func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p / 100))]
    }
}
