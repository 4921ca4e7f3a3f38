import Foundation
import GRDB
import JSONSchema
import Testing
import XianjieMessages
import XianjieNode

/// DESIGN.md "Delivery": crash any process at any instant and no acknowledged message is lost, none is
/// applied twice. Separate OS processes over TCP, real SQLite files, `kill -9`.
@Suite(.serialized) struct CrashRecoveryTests {
    static let senders = ["hutubi.station.a", "hutubi.station.b"]
    static let recipients = ["hutubi.procuratorate", "manas.procuratorate"]
    static let total = Int(ProcessInfo.processInfo.environment["XIANJIE_E2E_MESSAGES"] ?? "") ?? 10_000
    static let batch = 250

    /// The i-th document of a sender; recipients alternate.
    static func document(sender: String, index: Int) -> ControlRequest.Document {
        let clue = Clue(
            clueId: "\(sender)#\(index)", channel: .hotline12345, receivedAt: Date(), place: "呼图壁县",
            description: "第\(index)条线索", confidential: false)
        let data = try! JSONValue.parse(XianjieJSON.encode(clue))
        return ControlRequest.Document(
            id: "\(sender)-\(index)", type: Clue.messageType, recipients: [AgencyID(recipients[index % 2])],
            subject: "clue-\(index)", data: data)
    }

    @Test(.timeLimit(.minutes(10)))
    func tenThousandMessagesSurviveCoordinatorAndNodeKills() async throws {
        let cluster = try Cluster()
        for agency in Self.senders { try cluster.addNode(agency, kind: "station") }
        for agency in Self.recipients { try cluster.addNode(agency, kind: "procuratorate") }
        try cluster.startCoordinator()
        for agency in Self.senders + [Self.recipients[0]] { try cluster.startNode(agency) }
        // The second recipient is down for the first half.

        var random = SystemRandomNumberGenerator()
        let batches = Self.total / Self.batch
        let perSender = Self.total / Self.senders.count
        var coordinatorKills = Set<Int>()
        while coordinatorKills.count < 3 { coordinatorKills.insert(Int.random(in: 2..<(batches - 2), using: &random)) }
        let nodeKill = Int.random(in: 2..<(batches - 2), using: &random)
        var next = [0, 0]
        var events: [String] = []

        for round in 0..<batches {
            let senderIndex = round % 2
            let sender = Self.senders[senderIndex]
            let documents = (0..<Self.batch).map {
                Self.document(sender: sender, index: next[senderIndex] + $0 + 1)
            }
            // Hand the batch to the sender node, retrying (idempotently, same ids) while it is down.
            var delivered = false
            for _ in 0..<120 where !delivered {
                let response = await cluster.call(sender, ControlRequest(op: .send, documents: documents), timeout: .seconds(5))
                delivered = response?.ok == true && response?.results?.count == documents.count
                if !delivered { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(delivered, "\(sender) did not take batch \(round)")
            next[senderIndex] += Self.batch

            if coordinatorKills.contains(round) {
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &random)))
                cluster.kill("coordinator")
                events.append("kill -9 coordinator after batch \(round)")
                try await Task.sleep(for: .milliseconds(Int.random(in: 100...600, using: &random)))
                try cluster.startCoordinator()
            }
            if round == nodeKill {
                cluster.kill(Self.senders[1])
                events.append("kill -9 \(Self.senders[1]) after batch \(round)")
                try await Task.sleep(for: .milliseconds(300))
                try cluster.startNode(Self.senders[1])
            }
            if round == batches / 2 - 1 {
                try cluster.startNode(Self.recipients[1])
                events.append("\(Self.recipients[1]) started after batch \(round)")
            }
        }

        // Wait until each recipient has applied its share.
        let expected = Self.total / Self.recipients.count
        var counts: [String: Int64] = [:]
        let deadline = ContinuousClock.now + .seconds(240)
        while ContinuousClock.now < deadline {
            for recipient in Self.recipients {
                if let status = await cluster.call(recipient, ControlRequest(op: .status), timeout: .seconds(3))?.status {
                    counts[recipient] = status.applications
                }
            }
            if Self.recipients.allSatisfy({ counts[$0, default: 0] >= Int64(expected) }) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        cluster.stopAll()
        #expect(
            Self.recipients.allSatisfy { counts[$0, default: 0] == Int64(expected) },
            "applied: \(counts); chaos: \(events); coordinator log tail: \(cluster.log("coordinator").suffix(2000))")

        // Exactly once, in per-sender order, from each recipient's own store.
        for (recipientIndex, recipient) in Self.recipients.enumerated() {
            let database = try DatabaseQueue(path: cluster.path("\(recipient).sqlite"))
            let rows = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT source, id FROM application_log ORDER BY rowid")
            }
            let ids = rows.map { $0["id"] as String }
            #expect(ids.count == expected, "\(recipient) applied \(ids.count)")
            #expect(Set(ids).count == ids.count, "\(recipient) applied a message twice")
            for sender in Self.senders {
                let indices = ids.filter { $0.hasPrefix(sender + "-") }.compactMap { Int($0.split(separator: "-").last!) }
                let wanted = (1...perSender).filter { $0 % 2 == recipientIndex }
                #expect(indices == wanted, "\(recipient) from \(sender): not every message, or not in order")
            }
        }
        print("crash recovery: \(Self.total) messages, \(events.joined(separator: "; "))")
    }
}
