import ArgumentParser
import Foundation
import XianjieCoordinator
import XianjieMessages
import XianjieNode

/// Per-message cost of the stores' transactions, in microseconds, at a given batch size.
struct StoreCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Per-message cost of the SQLite writes.")

    @Option(help: "Messages per transaction.") var batch = 500
    @Option(help: "Transactions.") var rounds = 20
    @Flag(help: "fsync each commit.") var full = false

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-store-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let coordinator = try CoordinatorStore(path: directory.appendingPathComponent("c.sqlite").path, synchronousFull: full)
        let node = try NodeStore(path: directory.appendingPathComponent("n.sqlite").path, synchronousFull: full)
        let payload = BusBench.clue(1, size: 1024)
        var sequence: Int64 = 0
        var coordinatorTime = Duration.zero
        var enqueueTime = Duration.zero
        var applyTime = Duration.zero
        for _ in 0..<rounds {
            var ingest = IngestBatch()
            var inbox: [InboxMessage] = []
            var drafts: [(header: EnvelopeHeader, data: Data)] = []
            for _ in 0..<batch {
                sequence += 1
                let header = EnvelopeHeader(
                    source: "bench.sender", type: Clue.messageType, dataschema: Clue.schemaID,
                    recipients: ["bench.recipient"], sequence: sequence)
                let wire = try WireMessage.make(header: header, data: payload)
                ingest.accepted.append(.init(message: wire, acceptedAt: Date(), deliveries: [(AgencyID("bench.recipient"), sequence)]))
                inbox.append(InboxMessage(position: sequence, topic: nil, message: wire, receivedAt: Date()))
                drafts.append((header, payload))
            }
            ingest.sourceSequences["bench.sender"] = sequence
            ingest.queueTails["bench.recipient"] = sequence
            var start = ContinuousClock.now
            _ = try await coordinator.commit(ingest)
            coordinatorTime += ContinuousClock.now - start
            start = ContinuousClock.now
            _ = try await node.enqueue(drafts)
            enqueueTime += ContinuousClock.now - start
            start = ContinuousClock.now
            try await node.apply(deliveries: inbox, broadcasts: [], lastDelivery: sequence, applier: nil)
            applyTime += ContinuousClock.now - start
        }
        let count = Double(batch * rounds)
        print(String(format: "coordinator commit %6.1f µs/msg", coordinatorTime.microseconds / count))
        print(String(format: "node outbox enqueue %6.1f µs/msg", enqueueTime.microseconds / count))
        print(String(format: "node inbox apply %6.1f µs/msg", applyTime.microseconds / count))
    }
}
