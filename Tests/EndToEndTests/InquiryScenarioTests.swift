import Foundation
import Testing
import XianjieMessages

/// DOMAIN.md scenario 8 (closed-loop inquiry, [004] 锦州) and the other escalations of §4 I, over real
/// processes with a driven clock: the look-back of a first special inquiry finds an unresolved problem,
/// a second inquiry assigns 21 problems in 9 categories that the units claim one by one, the reports
/// are tracked by the deadline engine (one unit's go overdue and reach the joint meeting's agenda), a
/// satisfaction ballot announces 26/0/0 and 25/1/0, and the look-back closes it.
@Suite(.serialized) struct InquiryScenarioTests {
    typealias C = ScenarioCounty
    static let now = Date()
    static let congress = C.congress
    static let units = C.agencies  // forestry, housing, market, water
    static let unitIds = units.map { AgencyID($0) }
    static let categories = ["生态环境", "食品安全", "安全生产", "城市管理", "水利", "林草", "住房保障", "市场监管", "农村人居环境"]
    static let director = Person(name: "王局长", personId: "U-01", role: "局长")

    static func day(_ text: String) -> Date { ISO8601DateFormatter().date(from: "\(text)T09:00:00+08:00")! }

    static func progress(_ id: String, _ stage: InquiryProgress.Stage, attendance: Int? = nil) -> InquiryProgress {
        InquiryProgress(inquiryId: id, stage: stage, at: now, summary: stage.rawValue, attendance: attendance)
    }

    /// Runs an inquiry from its topic to tracking: assigned, claimed, session, opinions, reports.
    func runFirstInquiry(_ county: C) async throws {
        let id = "INQ-2024-01"
        try await county.accepted(
            SpecialInquiryTopic(inquiryId: id, title: "关于饮用水水源地保护的专题询问", topic: "水源地保护", units: Self.unitIds, decidedAt: Self.now),
            from: Self.congress, to: Self.units, subject: id)
        let problems = [
            InquiryAssignment.Problem(problemId: "P1-1", category: "林草", title: "水源地周边林地恢复", unit: AgencyID(C.forestry)),
            InquiryAssignment.Problem(problemId: "P1-2", category: "水利", title: "一级保护区内排污口未清理", unit: AgencyID(C.water)),
        ]
        try await county.accepted(
            InquiryAssignment(inquiryId: id, meetingAt: Self.now, problems: problems), from: Self.congress,
            to: [C.forestry, C.water], subject: id)
        for problem in problems {
            try await county.accepted(
                InquiryClaim(inquiryId: id, problemIds: [problem.problemId], leadPerson: Self.director, claimedAt: Self.now),
                from: problem.unit.rawValue, to: [Self.congress], subject: id)
        }
        try await county.accepted(Self.progress(id, .session, attendance: 26), from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(
            InquiryOpinions(inquiryId: id, opinions: "审议意见", reportDue: Self.day("2024-09-10"), sentAt: Self.now),
            from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(
            InquiryHandlingReport(
                inquiryId: id, problems: [.init(problemId: "P1-1", status: .resolved, measures: "补植林木120亩")], reportedAt: Self.now),
            from: C.forestry, to: [Self.congress], subject: id)
        try await county.accepted(
            InquiryHandlingReport(
                inquiryId: id, problems: [.init(problemId: "P1-2", status: .unresolved, measures: "排污口整治方案报批中")],
                reportedAt: Self.now),
            from: C.water, to: [Self.congress], subject: id)
        try await county.accepted(Self.progress(id, .bulletin), from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(Self.progress(id, .tracking), from: Self.congress, to: Self.units, subject: id)
    }

    @Test(.timeLimit(.minutes(5)))
    func closedLoopInquiryWith21Problems() async throws {
        let county = try await C(start: "2024-09-02")
        let cluster = county.cluster

        // The first inquiry's look-back finds P1-2 unresolved and decides on a second inquiry.
        try await runFirstInquiry(county)
        try await county.accepted(
            InquiryLookBack(
                inquiryId: "INQ-2024-01", unresolvedProblemIds: ["P1-2"], outcome: .reinquiry, followUpId: "INQ-2024-02",
                summary: "回头看发现排污口问题未解决", at: Self.now),
            from: Self.congress, to: Self.units, subject: "INQ-2024-01")
        #expect(try county.state("INQ-2024-01") == "reinquired")

        // The second inquiry, following up the first; a third one may not claim to.
        let id = "INQ-2024-02"
        try await county.refused(
            SpecialInquiryTopic(
                inquiryId: "INQ-2024-03", title: "—", topic: "—", units: Self.unitIds, decidedAt: Self.now, previousInquiryId: "INQ-2024-01"),
            from: Self.congress, to: Self.units, subject: "INQ-2024-03", rule: "outOfOrder")
        try await county.accepted(
            SpecialInquiryTopic(
                inquiryId: id, title: "关于水源地保护问题整改情况的第二次专题询问", topic: "整改回头看", units: Self.unitIds, decidedAt: Self.now,
                previousInquiryId: "INQ-2024-01"),
            from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(Self.progress(id, .research), from: Self.congress, to: Self.units, subject: id)

        // 交办会: 21 problems in 9 categories, assigned one by one to the four units.
        let problems = (1...21).map { i in
            InquiryAssignment.Problem(
                problemId: "P2-\(i)", category: Self.categories[(i - 1) % 9], title: "问题\(i)", unit: AgencyID(Self.units[(i - 1) % 4]))
        }
        try await county.accepted(
            InquiryAssignment(inquiryId: id, meetingAt: Self.now, problems: problems), from: Self.congress, to: Self.units, subject: id)
        #expect(try county.state("P2-21") == "assigned")
        // No session before every problem is claimed; no unit claims another's.
        try await county.refused(Self.progress(id, .session), from: Self.congress, to: Self.units, subject: id, rule: "problemNotClaimed")
        try await county.refused(
            InquiryClaim(inquiryId: id, problemIds: ["P2-1"], leadPerson: Self.director, claimedAt: Self.now), from: C.water,
            to: [Self.congress], subject: id, rule: "notAssignedToUnit")
        for problem in problems {  // 认领, one by one
            try await county.accepted(
                InquiryClaim(inquiryId: id, problemIds: [problem.problemId], leadPerson: Self.director, claimedAt: Self.now),
                from: problem.unit.rawValue, to: [Self.congress], subject: id)
        }
        #expect(try county.show(id).details?["problems"] == "21: 21 claimed, 0 reported")
        try await county.accepted(Self.progress(id, .session, attendance: 26), from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(
            InquiryOpinions(inquiryId: id, opinions: "审议意见：9类21个问题限期整改", reportDue: Self.day("2024-10-15"), sentAt: Self.now),
            from: Self.congress, to: Self.units, subject: id)
        // Each problem's report is now due from its unit.
        let waterProblems = problems.filter { $0.unit.rawValue == C.water }.map(\.problemId)
        let waterDue = try county.due(agency: C.water)
        #expect(waterProblems.allSatisfy { p in waterDue.items.contains { $0.subjectId == p && $0.timer == "inquiryReport" } })

        // Three units report in time; the water bureau does not.
        for unit in Self.units where unit != C.water {
            let reports = problems.filter { $0.unit.rawValue == unit }.map {
                InquiryHandlingReport.ProblemReport(problemId: $0.problemId, status: .resolved, measures: "已整改")
            }
            try await county.accepted(
                InquiryHandlingReport(inquiryId: id, problems: reports, reportedAt: Self.now), from: unit, to: [Self.congress], subject: id)
        }
        try county.clock("2024-10-16")
        #expect(try await county.waitForNotice(C.water, subject: waterProblems[0], .overdue, timer: "inquiryReport") != nil)
        let agenda = try county.due().agenda.map(\.subjectId)
        #expect(waterProblems.allSatisfy { agenda.contains($0) })
        #expect(try county.state(waterProblems[0]) == "overdue")
        try await county.accepted(
            InquiryHandlingReport(
                inquiryId: id,
                problems: waterProblems.map { .init(problemId: $0, status: .inProgress, measures: "排污口已封堵，生态修复推进中") },
                reportedAt: Self.now),
            from: C.water, to: [Self.congress], subject: id)
        #expect(try county.state(id) == "reported")

        // 满意度测评 through `xianjie ballot`: only members present vote; the tally must add up.
        let node = ["--node", cluster.control(Self.congress)]
        try cluster.cli(
            ["ballot", "schedule", "--ballot", "B-2024-02", "--unit", C.market, "--unit", C.water, "--members", "29",
             "--on", "2024-10-18", "--subject", id] + node)
        do {
            try cluster.cli(
                ["ballot", "record", "--ballot", "B-2024-02", "--present", "26", "--observers", "158", "--tally",
                 "\(C.market)=27/0/0", "--tally", "\(C.water)=25/1/0"] + node)
            Issue.record("a tally of 27 votes with 26 members present was accepted")
        } catch {
            #expect("\(error)".contains("invalidTally"), "\(error)")
        }
        try cluster.cli(
            ["ballot", "record", "--ballot", "B-2024-02", "--present", "26", "--observers", "158", "--tally",
             "\(C.market)=26/0/0", "--tally", "\(C.water)=25/1/0"] + node)
        let ballot = try cluster.cli(["ballot", "show", "B-2024-02"] + county.operatorArguments)
        #expect(ballot.contains("B-2024-02: accepted"), "\(ballot)")
        #expect(ballot.contains("\(C.market) 26/0/0"), "\(ballot)")

        // 工作专报, tracking, and the look-back closes the loop.
        try await county.accepted(Self.progress(id, .bulletin), from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(Self.progress(id, .tracking), from: Self.congress, to: Self.units, subject: id)
        try await county.accepted(
            InquiryLookBack(inquiryId: id, unresolvedProblemIds: [], outcome: .closed, summary: "21个问题均已整改", at: Self.now),
            from: Self.congress, to: Self.units, subject: id)
        #expect(try county.state(id) == "closed")
    }

    @Test(.timeLimit(.minutes(5)))
    func interpellationAndInvestigation() async throws {
        let county = try await C(start: "2024-09-02")
        let members = (1...4).map { Person(name: "委员\($0)", personId: "M-0\($0)", role: "常委会组成人员") }
        func motion(_ action: Interpellation.Action, _ signers: [Person]) -> Interpellation {
            Interpellation(
                interpellationId: "ZX-2024-01", action: action, addressee: AgencyID(C.water), question: "排污口问题为何两次询问仍未整改？",
                signers: signers, at: Self.now)
        }
        // 质询案: two proposers are not enough (county: 3 or more); a third co-signs.
        try await county.accepted(motion(.draft, Array(members[0..<2])), from: Self.congress, to: [C.water], subject: "ZX-2024-01")
        try await county.refused(motion(.submit, []), from: Self.congress, to: [C.water], subject: "ZX-2024-01", rule: "notEnoughSigners")
        try await county.accepted(motion(.cosign, [members[2]]), from: Self.congress, to: [C.water], subject: "ZX-2024-01")
        try await county.accepted(motion(.submit, []), from: Self.congress, to: [C.water], subject: "ZX-2024-01")
        try await county.accepted(
            InterpellationDecision(interpellationId: "ZX-2024-01", form: .written, answerDue: Self.day("2024-09-20"), decidedAt: Self.now),
            from: Self.congress, to: [C.water], subject: "ZX-2024-01")
        #expect(try county.show("ZX-2024-01").obligations.first?.timer == "interpellationAnswer")
        // Only the addressee answers; two of three proposers unsatisfied: a second answer is due.
        try await county.refused(
            InterpellationAnswer(interpellationId: "ZX-2024-01", round: 1, answer: "—", answeredBy: Self.director, answeredAt: Self.now),
            from: C.housing, to: [Self.congress], subject: "ZX-2024-01", rule: "replyFromWrongAgency")
        try await county.accepted(
            InterpellationAnswer(interpellationId: "ZX-2024-01", round: 1, answer: "正在整改", answeredBy: Self.director, answeredAt: Self.now),
            from: C.water, to: [Self.congress], subject: "ZX-2024-01")
        try await county.refused(
            InterpellationAssessment(interpellationId: "ZX-2024-01", round: 1, unsatisfied: ["M-04"], assessedAt: Self.now),
            from: Self.congress, to: [C.water], subject: "ZX-2024-01", rule: "notAProposer")
        try await county.accepted(
            InterpellationAssessment(interpellationId: "ZX-2024-01", round: 1, unsatisfied: ["M-01", "M-02"], assessedAt: Self.now),
            from: Self.congress, to: [C.water], subject: "ZX-2024-01")
        #expect(try county.state("ZX-2024-01") == "unsatisfied")
        try await county.accepted(
            InterpellationAnswer(
                interpellationId: "ZX-2024-01", round: 2, answer: "排污口已全部封堵", answeredBy: Self.director, answeredAt: Self.now),
            from: C.water, to: [Self.congress], subject: "ZX-2024-01")
        try await county.accepted(
            InterpellationAssessment(interpellationId: "ZX-2024-01", round: 2, unsatisfied: [], assessedAt: Self.now),
            from: Self.congress, to: [C.water], subject: "ZX-2024-01")
        #expect(try county.state("ZX-2024-01") == "accepted")

        // 特定问题调查: proposed by members (at least 1/5 of 25), decided, investigated, resolved.
        func stage(_ stage: SpecificInvestigation.Stage, proposers: [Person]? = nil, committee: [Person]? = nil)
            -> SpecificInvestigation
        {
            SpecificInvestigation(
                investigationId: "DC-2024-01", stage: stage, question: "水源地保护责任落实情况",
                proposedBy: stage == .proposed ? .members : nil, proposers: proposers, committee: committee, text: stage.rawValue,
                at: Self.now)
        }
        try await county.refused(
            stage(.proposed, proposers: members), from: Self.congress, to: [C.water], subject: "DC-2024-01", rule: "notEnoughSigners")
        let five = members + [Person(name: "委员5", personId: "M-05")]
        try await county.accepted(stage(.proposed, proposers: five), from: Self.congress, to: [C.water], subject: "DC-2024-01")
        for next in [stage(.decided), stage(.committeeFormed, committee: Array(members[0..<3])), stage(.report), stage(.resolution)] {
            try await county.accepted(next, from: Self.congress, to: [C.water], subject: "DC-2024-01")
        }
        #expect(try county.state("DC-2024-01") == "resolved")
    }
}
