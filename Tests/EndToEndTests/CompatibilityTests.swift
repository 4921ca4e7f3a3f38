import Foundation
import JSONSchema
import Testing
import XianjieMessages
import XianjieNode
import XianjieTrust

/// The upgrade path (docs/protocol.md §11): nodes of the previous release and of this one on one bus, through
/// this release's coordinator. The previous release's `xianjie-node` is built from git history by
/// `scripts/previous-release` (which `scripts/test` runs first); nothing of it is imitated here.
@Suite(.serialized) struct CompatibilityTests {
    static let oldStation = "hutubi.station.erdaohe"
    static let oldProcuratorate = "manas.procuratorate"
    static let newStation = "hutubi.station.wugongtai"
    static let newProcuratorate = "hutubi.procuratorate"

    /// The previous release's node binary, or a failure saying how to build it.
    static func previousNode() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path =
            ProcessInfo.processInfo.environment["XIANJIE_PREVIOUS_NODE"]
            ?? root.appendingPathComponent(".build/previous/v0.1.0/.build/debug/xianjie-node").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ClusterError("the previous release's node is not built at \(path): run scripts/previous-release")
        }
        return URL(fileURLWithPath: path)
    }

    static func clue(_ id: String, to recipient: String) throws -> ControlRequest.Document {
        let clue = Clue(
            clueId: id, channel: .receptionDay, receivedAt: Date(), place: "呼图壁县", description: "线索 \(id)",
            confidential: false)
        return ControlRequest.Document(
            id: id, type: Clue.messageType, recipients: [AgencyID(recipient)], subject: id,
            data: try JSONValue.parse(XianjieJSON.encode(clue)))
    }

    func status(_ cluster: Cluster) throws -> [String: StatusReport.Node] {
        let output = try cluster.cli([
            "status", "--coordinator", cluster.routerEndpoint, "--json", "--keys", cluster.keyFile(Self.newStation),
            "--coordinator-keys", cluster.publicKeyFile("coordinator"),
        ])
        let report = try XianjieJSON.decode(StatusReport.self, from: Data(output.utf8))
        return Dictionary(uniqueKeysWithValues: report.nodes.map { ($0.agency.rawValue, $0) })
    }

    func inboxIDs(_ cluster: Cluster, _ agency: String) async -> [String] {
        let response = await cluster.call(agency, ControlRequest(op: .inbox), timeout: .seconds(5))
        return (response?.received ?? []).filter { $0.type == Clue.messageType }.map(\.id)
    }

    @Test("a node of the previous release and nodes of this release exchange documents and pings", .timeLimit(.minutes(3)))
    func previousAndCurrentReleasesOnOneBus() async throws {
        let previous = try Self.previousNode()
        // Presence would time out only after a minute: what turns a node absent at once is its goodbye.
        let cluster = try Cluster(coordinator: ["presenceTimeoutMs": 60_000])
        try cluster.addNode(Self.oldStation, kind: "station")
        try cluster.addNode(Self.oldProcuratorate, kind: "procuratorate")
        try cluster.addNode(Self.newStation, kind: "station")
        try cluster.addNode(Self.newProcuratorate, kind: "procuratorate")
        try cluster.startCoordinator()
        try cluster.startNode(Self.oldStation, binary: previous)
        try cluster.startNode(Self.oldProcuratorate, binary: previous)
        try cluster.startNode(Self.newStation)
        try cluster.startNode(Self.newProcuratorate)

        // Each release's station sends a clue to the other release's procuratorate, and to its own.
        let sends: [(String, [ControlRequest.Document])] = [
            (Self.oldStation, [try Self.clue("old-to-new", to: Self.newProcuratorate), try Self.clue("old-to-old", to: Self.oldProcuratorate)]),
            (Self.newStation, [try Self.clue("new-to-old", to: Self.oldProcuratorate), try Self.clue("new-to-new", to: Self.newProcuratorate)]),
        ]
        for (station, documents) in sends {
            var request = ControlRequest(op: .send, documents: documents)
            request.wait = true
            var accepted = false
            for _ in 0..<40 where !accepted {
                let response = await cluster.call(station, request, timeout: .seconds(10))
                accepted = response?.results?.allSatisfy { $0.outcome == "accepted" } == true
                if !accepted { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(accepted, "\(station) (\(cluster.log(station).suffix(600)))")
        }
        var inboxes: [String: [String]] = [:]
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            inboxes[Self.newProcuratorate] = await inboxIDs(cluster, Self.newProcuratorate)
            inboxes[Self.oldProcuratorate] = await inboxIDs(cluster, Self.oldProcuratorate)
            if inboxes.values.allSatisfy({ $0.count == 2 }) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(inboxes[Self.newProcuratorate] == ["old-to-new", "new-to-new"], "\(inboxes)")
        #expect(inboxes[Self.oldProcuratorate] == ["old-to-old", "new-to-old"], "\(inboxes)")

        // Request and reply straight between the releases' nodes.
        #expect(try cluster.cli(["ping", "--node", cluster.control(Self.newStation), Self.oldProcuratorate]).contains("pong"))
        #expect(try cluster.cli(["ping", "--node", cluster.control(Self.oldStation), Self.newProcuratorate]).contains("pong"))

        // The coordinator agreed xianjie/1 with the old nodes and xianjie/2 with the new ones.
        let nodes = try status(cluster)
        for old in [Self.oldStation, Self.oldProcuratorate] {
            #expect(nodes[old]?.softwareVersion == "0.1.0" && nodes[old]?.protocol == "xianjie/1", "\(String(describing: nodes[old]))")
        }
        for new in [Self.newStation, Self.newProcuratorate] {
            #expect(
                nodes[new]?.softwareVersion == XianjieVersion.current && nodes[new]?.protocol == "xianjie/2",
                "\(String(describing: nodes[new]))")
        }

        // Stopping: the new node says goodbye (xianjie/2) and is absent at once; the old one cannot, and stays
        // present until the presence timeout.
        cluster.stop(Self.newProcuratorate)
        cluster.stop(Self.oldProcuratorate)
        try await Task.sleep(for: .milliseconds(500))
        let after = try status(cluster)
        #expect(after[Self.newProcuratorate]?.present == false, "a xianjie/2 node's goodbye marks it absent")
        #expect(after[Self.oldProcuratorate]?.present == true, "a xianjie/1 node sends no goodbye")
        #expect(cluster.log("coordinator").isEmpty || !cluster.log("coordinator").contains("protocolViolation"))
        cluster.stopAll()
    }

    @Test("the coordinator answers each hello in the newest protocol both sides speak, and refuses none in common")
    func negotiation() async throws {
        let cluster = try Cluster()
        try cluster.register(Self.newStation, kind: "station")
        try cluster.startCoordinator()
        let keys = try AgencyKeys.load(from: URL(fileURLWithPath: cluster.keyFile(Self.newStation)))
        let server = try PublicKeys.load(from: URL(fileURLWithPath: cluster.publicKeyFile("coordinator"))).curvePublicKey

        func welcome(offering protocols: [String]) async throws -> [String: Any]? {
            let client = try TrustClient(
                agency: AgencyID(Self.newStation), keys: keys, serverKey: server, endpoint: cluster.routerEndpoint)
            defer { client.close() }
            try client.hello(protocols: protocols)
            guard let answer = await client.receive(Welcome.messageType, timeout: .seconds(10)) else { return nil }
            return try JSONSerialization.jsonObject(with: answer.data) as? [String: Any]
        }
        // A node of the previous release offers xianjie/1 only: it gets exactly the xianjie/1 welcome.
        let v1 = try #require(try await welcome(offering: ["xianjie/1"]))
        #expect(v1["protocol"] == nil && v1["softwareVersion"] == nil, "\(v1)")
        #expect(Set(v1.keys) == ["epoch", "lastAcceptedSequence", "credits", "heartbeatIntervalMs", "maxMessageBytes", "topicHeads"])
        // A newer node offering more than this coordinator knows gets the newest both speak.
        let newer = try #require(try await welcome(offering: ["xianjie/1", "xianjie/2", "xianjie/3"]))
        #expect(newer["protocol"] as? String == "xianjie/2" && newer["softwareVersion"] as? String == XianjieVersion.current)
        // Nothing in common: refused, saying what each side speaks.
        let client = try TrustClient(
            agency: AgencyID(Self.newStation), keys: keys, serverKey: server, endpoint: cluster.routerEndpoint)
        defer { client.close() }
        try client.hello(protocols: ["xianjie/3"])
        let refusal = try #require(await client.receive(Rejection.messageType, timeout: .seconds(10)))
        let rejection = try refusal.payload(Rejection.self)
        #expect(rejection.reason == .protocolViolation)
        #expect(rejection.detail.contains("speaks xianjie/1, xianjie/2 and the node offered only xianjie/3"), "\(rejection.detail)")
    }
}
