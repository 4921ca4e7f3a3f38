import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §6 scenario 8 played on the escalation machines (§4 I).
@Suite struct EscalationScenarioTests {
    static let units: [AgencyID] = [
        "jinzhou.housing", "jinzhou.ecology", "jinzhou.water", "jinzhou.transport", "jinzhou.urban-management",
        "jinzhou.natural-resources", "jinzhou.market-regulation",
    ]
    static let categories = ["老旧小区改造", "供热管网", "雨污分流", "道路养护", "占道经营", "违法建设", "大气污染", "河道治理", "农贸市场"]

    /// 8. 锦州 closed-loop inquiry ([004]): the look-back of the first inquiry finds unresolved items and
    /// decides a second inquiry; its 21 problems in 9 categories go to 7 units, each claimed one by one;
    /// session, opinions (each problem's report deadline runs), reports, the ballot 26/0/0 of 26 present
    /// for every unit → accepted, bulletin, tracking; its look-back closes.
    @Test func scenario8ClosedLoopInquiry() throws {
        let congress = ProtocolActor.congress
        // The first inquiry, already tracked, looks back: one item unresolved → a second inquiry.
        var first = SpecialInquiryProcess(inquiryId: "XW-2023-01", units: Array(Self.units.prefix(2)))
        let earlier = [
            InquiryProblem(problemId: "XW-2023-01-P01", category: Self.categories[0], title: "加装电梯", unit: Self.units[0]),
            InquiryProblem(problemId: "XW-2023-01-P02", category: Self.categories[6], title: "扬尘治理", unit: Self.units[1]),
        ]
        _ = try first.received(.assign(problems: earlier), at: day("2023-09-12"), by: congress)
        for problem in earlier {
            _ = try first.received(.claim(problemIds: [problem.problemId]), at: day("2023-09-13"), by: .agency(problem.unit))
        }
        _ = try first.received(.holdSession, at: day("2023-09-26"), by: congress)
        _ = try first.received(.sendOpinions(reportDue: day("2023-12-29")), at: day("2023-10-10"), by: congress)
        for problem in earlier {
            _ = try first.received(.report(problemIds: [problem.problemId]), at: day("2023-12-20"), by: .agency(problem.unit))
        }
        for event: SpecialInquiryProcess.Event in [.publishBulletin, .track] {
            _ = try first.received(event, at: day("2024-01-15"), by: congress)
        }
        let lookedBack = try first.received(
            .lookBack(outcome: .reinquiry, unresolved: ["XW-2023-01-P02"], followUpId: "XW-2024-02"), at: day("2024-06-03"), by: congress)
        #expect(lookedBack.to == .reinquired && first.followUpId == "XW-2024-02")

        // The second inquiry: 21 problems in 9 categories over the 7 units.
        let problems = (0..<21).map { index in
            InquiryProblem(
                problemId: "XW-2024-02-P\(index < 9 ? "0" : "")\(index + 1)", category: Self.categories[index % 9],
                title: "问题\(index + 1)", unit: Self.units[index % 7])
        }
        #expect(Set(problems.map(\.category)).count == 9 && Set(problems.map(\.unit)).count == 7)
        var inquiry = SpecialInquiryProcess(inquiryId: "XW-2024-02", units: Self.units)
        _ = try inquiry.received(.research, at: day("2024-06-20"), by: congress)
        let assigned = try inquiry.received(.assign(problems: problems), at: day("2024-07-09"), by: congress)
        #expect(assigned.effects.notified == Self.units.map { .agency($0) })
        var tracked = problems.map { InquiryProblemProcess(problem: $0, inquiryId: "XW-2024-02") }

        // 认领 one by one: the session waits for the last.
        for (index, problem) in problems.enumerated() {
            #expect(refusal(inquiry) { try $0.received(.holdSession, at: day("2024-07-10"), by: congress) }?.rule == .problemNotClaimed)
            _ = try inquiry.received(.claim(problemIds: [problem.problemId]), at: day("2024-07-10"), by: .agency(problem.unit))
            _ = try tracked[index].received(.claim, at: day("2024-07-10"), by: .agency(problem.unit))
        }
        #expect(inquiry.claimed.count == 21 && tracked.allSatisfy { $0.state == .claimed })
        _ = try inquiry.received(.holdSession, at: day("2024-07-25"), by: congress)

        // 审议意见: every unit told, every problem's report deadline runs.
        let reportDue = day("2024-10-31")
        let opinions = try inquiry.received(.sendOpinions(reportDue: reportDue), at: day("2024-08-06"), by: congress)
        #expect(opinions.effects.notified.count == 7)
        for index in tracked.indices {
            let started = try tracked[index].received(.startTracking(due: reportDue), at: day("2024-08-06"), by: congress, rules: rules2024)
            #expect(started.effects.startedTimers.map(\.kind) == [.inquiryReport])
        }

        // 办理情况报告, one by one.
        for (index, problem) in problems.enumerated() {
            #expect(inquiry.state == .opinionsSent)
            _ = try inquiry.received(.report(problemIds: [problem.problemId]), at: day("2024-10-25"), by: .agency(problem.unit))
            _ = try tracked[index].received(.report(status: index % 5 == 0 ? .inProgress : .resolved), at: day("2024-10-25"), by: .agency(problem.unit))
        }
        #expect(inquiry.state == .reported)
        #expect(tracked.allSatisfy { $0.state == .reported && $0.timers.running.isEmpty })

        // 满意度测评: 26 of 26 present (158 deputies attending, the others observers), 26/0/0 for every unit.
        var ballot = EvaluationProcess(ballotId: "CP-2024-02", units: Self.units, membersTotal: 26, subjectId: "XW-2024-02")
        let tallies = Self.units.map { EvaluationTally(unit: $0, satisfied: 26, basicallySatisfied: 0, unsatisfied: 0) }
        let announced = try ballot.received(
            .announce(membersPresent: 26, observers: 132, tallies: tallies), at: day("2024-11-28"), by: congress, rules: rules2024)
        #expect(announced.to == .accepted && announced.effects.isEmpty && ballot.followUpUnits.isEmpty)

        // 工作专报, 跟踪督办, 回头看: closed.
        _ = try inquiry.received(.publishBulletin, at: day("2024-12-05"), by: congress)
        _ = try inquiry.received(.track, at: day("2024-12-10"), by: congress)
        let closed = try inquiry.received(.lookBack(outcome: .closed, unresolved: [], followUpId: nil), at: day("2025-05-20"), by: congress)
        #expect(closed.to == .closed && inquiry.outcome == .closed && inquiry.unresolved.isEmpty)
    }
}
