import Foundation
import JSONSchema
import Testing
import XianjieMessages
import XianjieNode

/// A county bus for the DOMAIN.md scenarios: the coordinator with a driven clock and the working-day
/// calendar of 2024, and separate congress, procuratorate and agency nodes, all real processes.
final class ScenarioCounty: Sendable {
    static let congress = "hutubi.congress"
    static let procuratorate = "hutubi.procuratorate"
    static let forestry = "hutubi.forestry"
    static let housing = "hutubi.housing"
    static let market = "hutubi.market"
    static let water = "hutubi.water"
    static let station = "hutubi.station.daxiqu"
    static let operatorID = "operator.scenarios"
    static let agencies = [forestry, housing, market, water]

    /// 2024's public holidays and make-up working days that the scenarios cross.
    static var calendar: [String: Any] {
        [
            "holidays": ["2024-06-10", "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"],
            "makeUpWorkingDays": ["2024-09-14", "2024-09-29", "2024-10-12"],
        ]
    }

    let cluster: Cluster

    /// - Parameter settings: more keys of the coordinator's configuration (e.g. `meetings`).
    /// - Parameter more: further nodes (agency id, kind), e.g. neighbouring procuratorates.
    /// A county around a cluster built and started by the caller.
    init(cluster: Cluster) { self.cluster = cluster }

    init(start: String, settings: [String: Any] = [:], more: [(String, String)] = []) async throws {
        cluster = try Cluster(
            coordinator: [
                "clock": ["driven": true, "start": start],
                "workflow": ["calendar": Self.calendar],
            ].merging(settings) { $1 })
        try cluster.addNode(Self.congress, kind: "congress")
        try cluster.addNode(Self.procuratorate, kind: "procuratorate")
        try cluster.addNode(Self.station, kind: "station")
        for agency in Self.agencies { try cluster.addNode(agency, kind: "agency") }
        for (agency, kind) in more { try cluster.addNode(agency, kind: kind) }
        try cluster.register(Self.operatorID, kind: "operator")
        try cluster.startCoordinator()
        for agency in [Self.congress, Self.procuratorate, Self.station] + Self.agencies + more.map(\.0) {
            try cluster.startNode(agency)
        }
    }

    // MARK: Documents

    /// Hands a document to `agency`'s node and waits for the coordinator's verdict.
    func send<P: MessagePayload>(
        _ payload: P, from agency: String, to recipients: [String], subject: String
    ) async throws -> ControlResponse.Result {
        let document = ControlRequest.Document(
            type: P.messageType, recipients: recipients.map { AgencyID($0) }, subject: subject,
            data: try JSONValue.parse(XianjieJSON.encode(payload)))
        var request = ControlRequest(op: .send, documents: [document], wait: true)
        request.timeoutMs = 20_000
        for _ in 0..<40 {
            if let response = await cluster.call(agency, request, timeout: .seconds(25)), response.ok,
                let result = response.results?.first
            {
                return result
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw ClusterError("\(agency) did not take \(P.messageType) for \(subject)")
    }

    /// Sends and expects the coordinator to accept.
    func accepted<P: MessagePayload>(
        _ payload: P, from agency: String, to recipients: [String], subject: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let result = try await send(payload, from: agency, to: recipients, subject: subject)
        #expect(
            result.outcome == "accepted", "\(P.messageType) for \(subject) from \(agency): \(result.outcome) \(result.reason ?? "")",
            sourceLocation: sourceLocation)
    }

    /// Sends and expects a refusal naming `rule`; returns the reason text.
    @discardableResult
    func refused<P: MessagePayload>(
        _ payload: P, from agency: String, to recipients: [String], subject: String, rule: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let result = try await send(payload, from: agency, to: recipients, subject: subject)
        #expect(result.outcome == "rejected", "\(P.messageType) for \(subject) was \(result.outcome)", sourceLocation: sourceLocation)
        let reason = result.reason ?? ""
        #expect(reason.hasPrefix("workflowViolation(\(rule))"), "reason: \(reason)", sourceLocation: sourceLocation)
        return reason
    }

    // MARK: Operator commands

    var operatorArguments: [String] {
        [
            "--coordinator", cluster.routerEndpoint, "--keys", cluster.keyFile(Self.operatorID), "--coordinator-keys",
            cluster.publicKeyFile("coordinator"),
        ]
    }

    /// `xianjie clock --set DAY`: every day up to it runs through the deadline engine.
    @discardableResult
    func clock(_ day: String) throws -> ClockReport {
        let output = try cluster.cli(["clock", "--set", day, "--json"] + operatorArguments)
        return try XianjieJSON.decode(ClockReport.self, from: Data(output.utf8))
    }

    /// `xianjie case show SUBJECT --json`.
    func show(_ subject: String) throws -> CaseReport {
        let output = try cluster.cli(["case", "show", subject, "--json"] + operatorArguments)
        return try XianjieJSON.decode(CaseReport.self, from: Data(output.utf8))
    }

    func state(_ subject: String) throws -> String? { try show(subject).state }

    /// `xianjie agreement show ID --json` (nil when there is no such agreement).
    func agreement(_ agreementId: String) throws -> AgreementReport.Agreement? {
        let output = try cluster.cli(["agreement", "show", agreementId, "--json"] + operatorArguments)
        return try XianjieJSON.decode(AgreementReport.self, from: Data(output.utf8)).agreements.first
    }

    /// `xianjie meeting show ID --json` (nil when there is no such meeting).
    func meeting(_ meetingId: String) throws -> MeetingReport.Meeting? {
        let output = try cluster.cli(["meeting", "show", meetingId, "--json"] + operatorArguments)
        return try XianjieJSON.decode(MeetingReport.self, from: Data(output.utf8)).meetings.first
    }

    /// `xianjie due [--agency A] --json`.
    func due(agency: String? = nil) throws -> DueReport {
        let output = try cluster.cli(["due", "--json"] + (agency.map { ["--agency", $0] } ?? []) + operatorArguments)
        return try XianjieJSON.decode(DueReport.self, from: Data(output.utf8))
    }

    // MARK: What reached a node

    /// The documents in `agency`'s inbox.
    func inbox(_ agency: String) async -> [ControlResponse.Received] {
        var request = ControlRequest(op: .inbox)
        request.limit = 1000
        return await cluster.call(agency, request)?.received ?? []
    }

    /// Waits (up to 15 s) for a document in `agency`'s inbox matching `match`.
    func waitFor(
        _ agency: String, timeout: Duration = .seconds(15), _ match: (ControlResponse.Received) -> Bool
    ) async throws -> ControlResponse.Received? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = await inbox(agency).first(where: match) { return found }
            try await Task.sleep(for: .milliseconds(200))
        }
        return nil
    }

    /// The deadline notices `agency` has received, decoded.
    func notices(_ agency: String) async -> [DeadlineNotice] {
        await inbox(agency).filter { $0.type == DeadlineNotice.messageType }.compactMap { received in
            guard let data = received.data else { return nil }
            return try? XianjieJSON.decode(DeadlineNotice.self, from: Data(data.serialized().utf8))
        }
    }

    /// Waits until `agency` has a notice for `subject` of that kind.
    func waitForNotice(
        _ agency: String, subject: String, _ notice: DeadlineNotice.Notice, timer: String? = nil
    ) async throws -> DeadlineNotice? {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if let found = await notices(agency).first(where: {
                $0.subjectId == subject && $0.notice == notice && (timer == nil || $0.timer == timer)
            }) {
                return found
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return nil
    }
}

extension Person {
    static let deputyLi = Person(name: "李建华", personId: "D-023", role: "县人大代表")
    static let deputyMa = Person(name: "马玉兰", personId: "D-041", role: "县人大代表")
    static let chief = Person(name: "张检察长", personId: "P-001", role: "检察长")
}
