import Foundation
import Testing
import XianjieMessages

/// DOMAIN.md scenario 6 (road S101, [000]) across two regions, each with its own coordinator: Hutubi's
/// procuratorate is on coordinator A, Manas's and Shawan's on coordinator B. The coordinators are linked
/// (each is a node of the other with its own keys). A three-party agreement is signed across the link,
/// an out-of-area clue is transferred, acknowledged and answered across it (with coordinator B killed
/// while the acknowledgement is on its way), a non-party is refused, and suspending the agreement stops
/// the next transfer.
@Suite(.serialized) struct FederationScenarioTests {
    static let regionA = "呼图壁县"
    static let regionB = "玛纳斯县"
    static let hutubi = "hutubi.procuratorate"
    static let qitai = "qitai.procuratorate"
    static let manas = "manas.procuratorate"
    static let shawan = "shawan.procuratorate"
    static let linkA = "link.hutubi"  // coordinator A, as a node of coordinator B
    static let linkB = "link.manas"  // coordinator B, as a node of coordinator A
    static let operatorID = ScenarioCounty.operatorID
    typealias Road = CooperationScenarioTests

    /// Two regions, linked both ways, started.
    static func federation() throws -> (a: Cluster, b: Cluster) {
        let settings = { (region: String) -> [String: Any] in
            ["clock": ["driven": true, "start": "2024-06-03"], "workflow": ["calendar": ScenarioCounty.calendar], "region": region]
        }
        let a = try Cluster(coordinator: settings(regionA), region: regionA)
        let b = try Cluster(coordinator: settings(regionB), region: regionB)
        for agency in [hutubi, qitai] { try a.addNode(agency, kind: "procuratorate") }
        for agency in [manas, shawan] { try b.addNode(agency, kind: "procuratorate") }
        try a.register(operatorID, kind: "operator")
        try b.register(operatorID, kind: "operator")
        // Each region knows the other's agencies by their public keys (exchanged with the agreement) …
        // (and their nodes check the other region's signatures with the same public key files).
        for agency in [hutubi, qitai] {
            try b.admit(agency, kind: "procuratorate", region: regionA, publicKeys: a.publicKeyFile(agency))
            try FileManager.default.copyItem(atPath: a.publicKeyFile(agency), toPath: b.publicKeyFile(agency))
        }
        for agency in [manas, shawan] {
            try a.admit(agency, kind: "procuratorate", region: regionB, publicKeys: b.publicKeyFile(agency))
            try FileManager.default.copyItem(atPath: b.publicKeyFile(agency), toPath: a.publicKeyFile(agency))
        }
        // … and the other coordinator's link, registered with kind federation.
        try a.cli(["keygen", "--agency", linkA, "--dir", a.path("keys")])
        try b.cli(["keygen", "--agency", linkB, "--dir", b.path("keys")])
        try b.admit(linkA, kind: "federation", region: regionA, publicKeys: a.publicKeyFile(linkA))
        try a.admit(linkB, kind: "federation", region: regionB, publicKeys: b.publicKeyFile(linkB))
        try a.configure(link(from: a, to: b, as: linkA, region: regionB))
        try b.configure(link(from: b, to: a, as: linkB, region: regionA))
        for cluster in [a, b] { try cluster.startCoordinator() }
        for agency in [hutubi, qitai] { try a.startNode(agency) }
        for agency in [manas, shawan] { try b.startNode(agency) }
        return (a, b)
    }

    static func link(from here: Cluster, to there: Cluster, as agency: String, region: String) -> [String: Any] {
        [
            "federation": [
                "links": [
                    [
                        "region": region, "endpoint": there.routerEndpoint, "agency": agency, "keysPath": here.keyFile(agency),
                        "coordinatorKeysPath": there.publicKeyFile("coordinator"), "storePath": here.path("\(agency).sqlite"),
                    ]
                ]
            ]
        ]
    }

    /// Waits (up to 20 s) until `check` holds.
    static func eventually(_ what: String, _ check: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if (try? await check()) == true { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("not within 20 s: \(what)")
    }

    @Test(.timeLimit(.minutes(5)))
    func roadS101AcrossTwoRegions() async throws {
        let (clusterA, clusterB) = try Self.federation()
        let a = ScenarioCounty(cluster: clusterA)
        let b = ScenarioCounty(cluster: clusterB)
        let parties = [Self.hutubi, Self.manas, Self.shawan]
        let others = { (me: String) in parties.filter { $0 != me } }

        // Hutubi drafts in region A; the draft reaches Manas and Shawan in region B.
        try await a.accepted(Road.terms, from: Self.hutubi, to: others(Self.hutubi), subject: Road.agreementId)
        #expect(try await b.waitFor(Self.shawan, timeout: .seconds(20)) { $0.type == CooperationAgreement.messageType } != nil)
        #expect(try b.agreement(Road.agreementId)?.state == "draft")

        // 会签 across the link: each coordinator's copy of the agreement becomes active.
        try await a.accepted(Road.sign(), from: Self.hutubi, to: others(Self.hutubi), subject: Road.agreementId)
        try await b.accepted(Road.sign(), from: Self.manas, to: others(Self.manas), subject: Road.agreementId)
        try a.clock("2024-06-05")
        try b.clock("2024-06-05")
        try await Self.eventually("A has Manas's signature") {
            try a.agreement(Road.agreementId)?.signedBy.contains(AgencyID(Self.manas)) == true
        }
        try await b.accepted(Road.sign(), from: Self.shawan, to: others(Self.shawan), subject: Road.agreementId)
        try await Self.eventually("the agreement is active in both regions") {
            try a.agreement(Road.agreementId)?.state == "active" && b.agreement(Road.agreementId)?.state == "active"
        }

        // Manas (region B) finds a clue on Hutubi's section and transfers it to region A.
        try await b.accepted(Road.transfer("T-1"), from: Self.manas, to: [Self.hutubi], subject: "T-1")
        let arrived = try await a.waitFor(Self.hutubi, timeout: .seconds(20)) { $0.type == ClueTransfer.messageType }
        #expect(arrived?.subject == "T-1")
        #expect(arrived?.verified == 1)  // Manas's own signature, checked by Hutubi's node
        #expect(try a.show("T-1").obligations.first?.timer == "clueAcknowledgement")
        // The same transfer to a procuratorate that is not a party (Qitai, in region A): refused in region B.
        try await b.refused(Road.transfer("T-X"), from: Self.manas, to: [Self.qitai], subject: "T-X", rule: "notAParty")

        // Coordinator B is killed; Hutubi acknowledges meanwhile. Region A keeps it until B is back.
        clusterB.kill("coordinator")
        try await a.accepted(
            ClueTransferAck(transferId: "T-1", registeredAs: "呼检公线〔2024〕45号", at: Road.now), from: Self.hutubi,
            to: [Self.manas], subject: "T-1")
        try clusterB.startCoordinator()
        #expect(try await b.waitFor(Self.manas, timeout: .seconds(30)) { $0.type == ClueTransferAck.messageType } != nil)
        try await a.accepted(
            ClueTransferFeedback(transferId: "T-1", outcome: .filed, caseId: "HTJ-2024-45", summary: "已立案并发出诉前检察建议", at: Road.now),
            from: Self.hutubi, to: [Self.manas], subject: "T-1")
        try await Self.eventually("T-1 is closed in both regions") {
            try a.state("T-1") == "closed" && b.state("T-1") == "closed"
        }
        // Exactly once: one acknowledgement in Manas's inbox although the link was cut.
        #expect(await b.inbox(Self.manas).filter { $0.type == ClueTransferAck.messageType }.count == 1)

        // Hutubi suspends the agreement; once region B has it, the next transfer is refused there.
        try await a.accepted(
            AgreementStatusChange(agreementId: Road.agreementId, action: .suspend, reason: "机构改革调整", at: Road.now),
            from: Self.hutubi, to: others(Self.hutubi), subject: Road.agreementId)
        try await Self.eventually("region B has the suspension") { try b.agreement(Road.agreementId)?.state == "suspended" }
        try await b.refused(Road.transfer("T-3"), from: Self.manas, to: [Self.hutubi], subject: "T-3", rule: "agreementNotActive")

        // Only an agreement's documents cross: a plain clue for region B is refused in region A.
        let clue = Clue(
            clueId: "C-9", channel: .phone, receivedAt: Road.now, place: "S101省道K60", description: "沿线非法采砂",
            confidential: false)
        let result = try await a.send(clue, from: Self.qitai, to: [Self.manas], subject: "C-9")
        #expect(result.outcome == "rejected")
        #expect(result.reason?.contains("does not cross regions") == true, "\(result.reason ?? "")")
    }
}
