import Foundation
import GRDB
import Testing
import XianjieMessages
import XianjieTrust

/// DESIGN.md "Trust", over real processes: a coordinator with CURVE, ZAP, the registry and the policy;
/// clients with real keys trying what they should not.
@Suite(.serialized) struct TrustTests {
    static let procuratorate = "hutubi.procuratorate"
    static let station = "hutubi.station.a"
    static let market = "hutubi.market"

    /// A coordinator, a procuratorate node process, and registered keys for a station and an agency.
    func startCluster() async throws -> Cluster {
        let cluster = try Cluster()
        try cluster.addNode(Self.procuratorate, kind: "procuratorate")
        try cluster.register(Self.station, kind: "station")
        try cluster.register(Self.market, kind: "agency")
        try cluster.startCoordinator()
        try cluster.startNode(Self.procuratorate)
        return cluster
    }

    func client(_ cluster: Cluster, _ agency: String, keys: String? = nil, serverKey: String? = nil) throws -> TrustClient {
        let keys = try AgencyKeys.load(from: URL(fileURLWithPath: keys ?? cluster.keyFile(agency)))
        let server = try serverKey ?? PublicKeys.load(from: URL(fileURLWithPath: cluster.publicKeyFile("coordinator"))).curvePublicKey
        return try TrustClient(agency: AgencyID(agency), keys: keys, serverKey: server, endpoint: cluster.routerEndpoint)
    }

    func auditKinds(_ cluster: Cluster) async throws -> [String: Int] {
        let database = try DatabaseQueue(path: cluster.path("coordinator.sqlite"))
        return try await database.read { db in
            var kinds: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM audit GROUP BY kind") {
                kinds[row[0] as String] = row[1]
            }
            return kinds
        }
    }

    /// Sends the station's next good clue and expects it accepted: the bus still works for the honest.
    func stillAccepted(_ station: TrustClient, sequence: Int64) async throws {
        station.send(try station.document(Clue.sample("ok-\(sequence)"), to: [AgencyID(Self.procuratorate)], sequence: sequence))
        let receipt = try #require(await station.receive(Receipt.messageType), "the bus should still accept good documents")
        #expect(try receipt.payload(Receipt.self).entries.contains { $0.sequence == sequence && $0.status == .accepted })
    }

    func rejection(_ client: TrustClient) async throws -> Rejection {
        let wire = try #require(await client.receive(Rejection.messageType), "expected a rejection")
        return try wire.payload(Rejection.self)
    }

    @Test(.timeLimit(.minutes(3)))
    func everyForbiddenThingIsRefusedAuditedAndTheBusKeepsRunning() async throws {
        let cluster = try await startCluster()
        defer { cluster.stopAll() }
        let station = try client(cluster, Self.station)
        defer { station.close() }
        try station.hello()
        try await stillAccepted(station, sequence: 1)

        // Once the procuratorate's node applied it, the station gets the coordinator's signed delivery receipt.
        let delivery = try #require(
            await station.receive(DeliveryReceipt.messageType, timeout: .seconds(10)), "expected a delivery receipt")
        let coordinatorKey = try PublicKeys.load(from: URL(fileURLWithPath: cluster.publicKeyFile("coordinator"))).signingKey()
        #expect(MessageSignature.isValid(delivery, publicKey: coordinatorKey))
        let confirmed = try delivery.payload(DeliveryReceipt.self).entries
        #expect(confirmed.contains { $0.sequence == 1 && $0.recipient == AgencyID(Self.procuratorate) && $0.hash != nil })
        // The recipient checked the station's signature itself, with the station's public key.
        let inbox = try DatabaseQueue(path: cluster.path("\(Self.procuratorate).sqlite"))
        let verified = try await inbox.read { db in
            try Int.fetchOne(db, sql: "SELECT verified FROM inbox WHERE source = ? ORDER BY delivery LIMIT 1", arguments: [Self.station])
        }
        #expect(verified == 1)

        // An unregistered key: the handshake is refused, nothing gets through.
        try cluster.cli(["keygen", "--agency", "intruder.x", "--dir", cluster.path("keys")])
        let intruder = try client(cluster, "intruder.x")
        intruder.send(try intruder.document(Clue.sample("x"), to: [AgencyID(Self.procuratorate)], sequence: 1))
        #expect(await !intruder.anything(timeout: .seconds(1)), "an unregistered key must hear nothing")
        intruder.close()

        // A registered key with the wrong server key: no session; repeated, it raises the alert.
        let impostorServer = try CurveKeyPairForTests.publicKey()
        for _ in 0..<7 {
            let lost = try client(cluster, Self.market, serverKey: impostorServer)
            lost.send(try lost.document(Clue.sample("y"), to: [AgencyID(Self.procuratorate)], sequence: 1))
            #expect(await !lost.anything(timeout: .milliseconds(300)))
            lost.close()
        }

        // A frame whose envelope claims another agency.
        station.send(
            try station.document(
                Clue.sample("claim"), to: [AgencyID(Self.procuratorate)], sequence: 2, source: AgencyID(Self.market)))
        #expect(try await rejection(station).reason == .sourceMismatch)

        // A bad signature.
        var tampered = try station.document(Clue.sample("sig"), to: [AgencyID(Self.procuratorate)], sequence: 2)
        tampered.data = Data(String(decoding: tampered.data, as: UTF8.self).replacingOccurrences(of: "测试", with: "篡改").utf8)
        station.send(tampered)
        let badSignature = try await rejection(station)
        #expect(badSignature.reason == .badSignature)

        // A replay of a captured, accepted message: answered as a duplicate, never stored or applied twice.
        let original = try station.document(Clue.sample("once"), to: [AgencyID(Self.procuratorate)], sequence: 3)
        station.send(original)
        _ = try #require(await station.receive(Receipt.messageType))
        station.send(original)
        let again = try #require(await station.receive(Receipt.messageType))
        #expect(try again.payload(Receipt.self).entries.first?.status == .duplicate)
        // …and replayed by another agency's connection: refused.
        let market = try client(cluster, Self.market)
        defer { market.close() }
        market.send(original)
        #expect(try await rejection(market).reason == .sourceMismatch)

        // A type the sender may not send: a station issuing a procuratorial suggestion.
        let suggestion = ProcuratorialSuggestion(
            documentNumber: "伪1号", caseId: "case-trust", kind: .other, addressee: AgencyID(Self.market), facts: "f",
            legalBasis: "l", recommendations: ["r"], urgent: false, issuedAt: Date(),
            replyDueBy: CalendarDate(rawValue: "2027-01-01")!, approvedBy: Person(name: "x"), deliveryMode: .written)
        station.send(try station.document(suggestion, to: [AgencyID(Self.market)], sequence: 4))
        let forbiddenType = try await rejection(station)
        #expect(forbiddenType.reason == .forbidden)

        // A recipient it may not address: a station's clue to an administrative agency.
        station.send(try station.document(Clue.sample("wrong-to"), to: [AgencyID(Self.market)], sequence: 5))
        let forbiddenRecipient = try await rejection(station)
        #expect(forbiddenRecipient.reason == .forbidden)

        try await stillAccepted(station, sequence: 6)

        // Revocation: refused within seconds (the registry is polled every 100 ms; the bound leaves room for a
        // loaded machine), without restarting anything.
        try cluster.cli(["agency", "revoke", Self.station, "--config", cluster.path("coordinator.json"), "--reason", "test"])
        let revokedAt = ContinuousClock.now
        var refusedAfter: Duration?
        var sequence: Int64 = 7
        while ContinuousClock.now - revokedAt < .seconds(10), refusedAfter == nil {
            station.send(try station.document(Clue.sample("after-revoke"), to: [AgencyID(Self.procuratorate)], sequence: sequence))
            if let wire = await station.receive(Rejection.messageType, timeout: .milliseconds(100)),
                (try? wire.payload(Rejection.self))?.reason == .forbidden
            {
                refusedAfter = ContinuousClock.now - revokedAt
            }
            sequence += 1
        }
        let delay = try #require(refusedAfter, "a revoked agency must be refused")
        #expect(delay < .seconds(5), "refused \(delay) after revocation")
        print("revocation: refused \(delay) after `xianjie agency revoke`")

        // Everything was audited, and the coordinator still answers.
        let kinds = try await auditKinds(cluster)
        for kind in ["authenticationRefused", "messageRejected", "policyDenied", "duplicateIgnored", "registryChanged", "messageAccepted"] {
            #expect((kinds[kind] ?? 0) > 0, "no \(kind) entry in the audit chain: \(kinds)")
        }
        let status = try cluster.cli([
            "status", "--coordinator", cluster.routerEndpoint, "--json", "--keys", cluster.keyFile(Self.market),
            "--coordinator-keys", cluster.publicKeyFile("coordinator"),
        ])
        let report = try XianjieJSON.decode(StatusReport.self, from: Data(status.utf8))
        #expect((report.authenticationFailures ?? 0) >= 8)
        #expect(report.alerts?.isEmpty == false, "repeated failed handshakes must raise the alert")
        #expect(try cluster.cli(["audit", "verify", "--config", cluster.path("coordinator.json")]).contains("intact"))
        #expect(cluster.log("coordinator").contains("start-up check passed"), "the coordinator must prove ZAP refuses unknown keys")

        // One case's trail, exported and checked by a third party with the public keys it carries.
        let export = cluster.path("case-trust.export.json")
        try cluster.cli(["audit", "export", "--config", cluster.path("coordinator.json"), "--subject", "case-trust", "--out", export])
        #expect(try cluster.cli(["audit", "check", export]).hasPrefix("valid"))
        var bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: export))) as! [String: Any]
        var entries = bundle["entries"] as! [[String: Any]]
        entries[0]["detail"] = "nothing happened"
        bundle["entries"] = entries
        let forged = cluster.path("forged.export.json")
        try JSONSerialization.data(withJSONObject: bundle).write(to: URL(fileURLWithPath: forged))
        #expect(throws: ClusterError.self) { try cluster.cli(["audit", "check", forged]) }
    }

    @Test(.timeLimit(.minutes(2)))
    func keyRotationKeepsANodeWorkingAndRetiresTheOldKey() async throws {
        let cluster = try await startCluster()
        defer { cluster.stopAll() }
        let before = try client(cluster, Self.station)
        try await stillAccepted(before, sequence: 1)
        before.close()

        // New keys for the station, registered; the old ones stop working, the new ones work.
        let oldKeys = cluster.path("old-station.keys.json")
        try FileManager.default.copyItem(atPath: cluster.keyFile(Self.station), toPath: oldKeys)
        try cluster.cli(["keygen", "--agency", Self.station, "--dir", cluster.path("keys"), "--force"])
        try cluster.cli([
            "agency", "rotate-key", Self.station, "--public-keys", cluster.publicKeyFile(Self.station), "--config",
            cluster.path("coordinator.json"),
        ])
        try await Task.sleep(for: .milliseconds(300))
        let after = try client(cluster, Self.station)
        defer { after.close() }
        try await stillAccepted(after, sequence: 2)
        let old = try client(cluster, Self.station, keys: oldKeys)
        old.send(try old.document(Clue.sample("old"), to: [AgencyID(Self.procuratorate)], sequence: 3))
        #expect(await !old.anything(timeout: .seconds(1)), "the retired key must be refused")
        old.close()
    }
}

/// A CURVE public key nobody registered (a wrong server key).
enum CurveKeyPairForTests {
    static func publicKey() throws -> String { try AgencyKeys.generate(for: "wrong.server").publicKeys.curvePublicKey }
}
