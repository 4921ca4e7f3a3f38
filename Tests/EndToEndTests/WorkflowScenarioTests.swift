import Foundation
import Testing
import XianjieMessages

/// DOMAIN.md §6 scenarios 1, 2, 3, 4, 5 and 7 over real processes, with the coordinator's clock driven
/// through `xianjie clock` so months pass in seconds. The coordinator enforces the protocols; what
/// the nodes receive, what `xianjie case show` and `xianjie due` say, is what an operator would see.
@Suite(.serialized) struct WorkflowScenarioTests {
    typealias C = ScenarioCounty
    static let now = Date()

    static func suggestion(
        _ id: String, _ title: String, domain: PublicInterestDomain, inScope: Bool = true, origin: String? = nil
    ) -> DeputySuggestion {
        DeputySuggestion(
            suggestionId: id, title: title, content: title + "，建议有关部门依法处理。", leadDeputy: .deputyLi,
            coSigners: [.deputyMa], session: .betweenSessions, submittedAt: now, domain: domain,
            impact: ImpactFlags(harmsPublicInterest: inScope, wideSocialImpact: inScope), originCaseId: origin)
    }

    static func filing(_ caseId: String, origin: String? = nil, clue: String? = nil, _ summary: String) -> CaseFilingDecision {
        CaseFilingDecision(
            caseId: caseId, decision: .filed, originSuggestionId: origin, originClueId: clue, domain: .ecologyAndResources,
            summary: summary, decidedAt: now, approvedBy: .chief)
    }

    static func progress(_ caseId: String, _ step: CaseProgress.Step, hearing: Bool? = nil, performed: Bool? = nil,
                         summary: String? = nil) -> CaseProgress {
        CaseProgress(caseId: caseId, step: step, at: now, hearing: hearing, performed: performed, summary: summary)
    }

    static func procuratorialSuggestion(
        _ number: String, caseId: String, to addressee: String, urgent: Bool = false, due: String
    ) -> ProcuratorialSuggestion {
        ProcuratorialSuggestion(
            documentNumber: number, caseId: caseId, kind: .publicInterest, addressee: AgencyID(addressee),
            facts: "经调查，相关问题属实。", legalBasis: "《人民检察院检察建议工作规定》", recommendations: ["依法履行监管职责"],
            urgent: urgent, issuedAt: now, replyDueBy: CalendarDate(rawValue: due)!, approvedBy: .chief,
            deliveryMode: .written)
    }

    static func reply(_ number: String, caseId: String, _ status: RectificationReply.Status) -> RectificationReply {
        RectificationReply(
            documentNumber: number, caseId: caseId, status: status, measures: ["已完成整改"],
            explanation: status == .rectified ? nil : "部分问题需跨年度解决", repliedAt: now)
    }

    // MARK: Scenarios 1 and 2: the two-way conversion from a deputy's suggestion

    @Test(.timeLimit(.minutes(5)))
    func tamariskGroveAndManholeCovers() async throws {
        let county = try await C(start: "2024-06-07")

        // Scenario 2 (窨井盖): registered on Friday 7 June 2024, between sessions. 交办 is due within
        // 5 working days: not the weekend, not the Dragon Boat holiday on Monday 10 June → Monday 17 June.
        let manhole = "HTB-2024-031"
        try await county.accepted(
            Self.suggestion(manhole, "窨井盖缺失破损威胁行人安全", domain: .workSafety), from: C.congress,
            to: [C.congress], subject: manhole)
        var report = try county.show(manhole)
        #expect(report.state == "registered")
        #expect(report.obligations.map(\.timer) == ["assignSuggestion"])
        #expect(report.obligations.first?.due.rawValue == "2024-06-17")
        #expect(report.obligations.first?.remindOn?.rawValue == "2024-06-14")

        // A deputy's rating before any reply is refused, and changes nothing.
        let early = DeputyFeedback(suggestionId: manhole, deputy: .deputyLi, rating: .satisfied, ratedAt: Self.now)
        try await county.refused(early, from: C.congress, to: [C.congress], subject: manhole, rule: "ratingBeforeReply")
        #expect(try county.state(manhole) == "registered")

        try county.clock("2024-06-13")
        #expect(await county.notices(C.congress).isEmpty)
        let reminders = try county.clock("2024-06-14")
        #expect(reminders.reminders == 1)
        let reminder = try await county.waitForNotice(C.congress, subject: manhole, .reminder)
        #expect(reminder?.due.rawValue == "2024-06-17")
        #expect(reminder?.timer == "assignSuggestion")

        // Due on the 17th: still not overdue that day; overdue on the 18th, and on the joint meeting's agenda.
        #expect(try county.clock("2024-06-17").overdue == 0)
        #expect(try county.due().items.first { $0.subjectId == manhole }?.overdue == false)
        #expect(try county.clock("2024-06-18").overdue == 1)
        let overdue = try await county.waitForNotice(C.congress, subject: manhole, .overdue)
        #expect(overdue?.on.rawValue == "2024-06-18")
        let due = try county.due()
        #expect(due.items.first { $0.subjectId == manhole }?.overdue == true)
        #expect(due.agenda.contains { $0.subjectId == manhole && $0.reason.contains("assignSuggestion") })

        // Late, the congress assigns it to the housing bureau and transfers it (it is in scope).
        try await county.accepted(
            SuggestionAssignment(suggestionId: manhole, hostUnit: AgencyID(C.housing), coUnits: [], assignedAt: Self.now),
            from: C.congress, to: [C.housing], subject: manhole)
        report = try county.show(manhole)
        #expect(report.state == "assigned")
        #expect(report.obligations.map(\.timer) == ["suggestionReply"])
        #expect(report.obligations.first?.due.rawValue == "2024-09-18")
        #expect(try await county.waitFor(C.housing) { $0.type == SuggestionAssignment.messageType } != nil)
        try await county.accepted(
            SuggestionTransfer(
                suggestionId: manhole, title: "窨井盖", summary: "窨井盖缺失破损", domain: .workSafety,
                impact: ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true), transferredAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: manhole)
        try await county.accepted(
            TransferAssessment(suggestionId: manhole, outcome: .filed, caseId: "HTJ-2024-12", assessedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: manhole)
        let manholeCase = "HTJ-2024-12"
        try await county.accepted(
            Self.filing(manholeCase, origin: manhole, "窨井盖行政公益诉讼"), from: C.procuratorate, to: [C.congress],
            subject: manholeCase)
        // A reply to a suggestion never issued is refused.
        try await county.refused(
            Self.reply("呼检行公建〔2024〕12号", caseId: manholeCase, .rectified), from: C.housing, to: [C.procuratorate],
            subject: manholeCase, rule: "replyNeverIssued")
        try await county.accepted(
            Self.progress(manholeCase, .investigationStarted), from: C.procuratorate, to: [C.congress], subject: manholeCase)
        try await county.accepted(
            Self.procuratorialSuggestion("呼检行公建〔2024〕12号", caseId: manholeCase, to: C.housing, due: "2024-08-18"),
            from: C.procuratorate, to: [C.housing, C.congress], subject: manholeCase)
        report = try county.show(manholeCase)
        #expect(report.state == "awaitingReply")
        #expect(report.obligations.first { $0.timer == "procuratorialReply" }?.due.rawValue == "2024-08-18")
        // Closing before the reply is out of order.
        try await county.refused(
            Self.progress(manholeCase, .closed), from: C.procuratorate, to: [C.congress], subject: manholeCase,
            rule: "outOfOrder")
        try await county.accepted(
            Self.progress(manholeCase, .filedWithSuperior), from: C.procuratorate, to: [C.congress], subject: manholeCase)
        try await county.accepted(
            SuggestionCopy(
                caseId: manholeCase, documentNumber: "呼检行公建〔2024〕12号", summary: "窨井盖整治", copiedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: manholeCase)
        try county.clock("2024-07-20")
        try await county.accepted(
            Self.reply("呼检行公建〔2024〕12号", caseId: manholeCase, .rectified), from: C.housing,
            to: [C.procuratorate, C.congress], subject: manholeCase)
        for step in [CaseProgress.Step.followUpStarted] {
            try await county.accepted(Self.progress(manholeCase, step), from: C.procuratorate, to: [C.congress], subject: manholeCase)
        }
        try await county.accepted(
            Self.progress(manholeCase, .followUpConcluded, performed: true), from: C.procuratorate, to: [C.congress],
            subject: manholeCase)
        try await county.accepted(
            Self.progress(manholeCase, .closed), from: C.procuratorate, to: [C.congress], subject: manholeCase)
        #expect(try county.state(manholeCase) == "closed")
        #expect(try county.show(manholeCase).obligations.isEmpty)

        // The housing bureau answers the deputy; the deputy is satisfied.
        try await county.accepted(
            ReplyLetter(suggestionId: manhole, content: "已清理、加装防坠网并建立巡查机制", measures: ["清理", "防坠网", "巡查机制"],
                        repliedAt: Self.now),
            from: C.housing, to: [C.congress], subject: manhole)
        try await county.accepted(
            FeedbackRequest(suggestionId: manhole, deputy: .deputyLi, sentAt: Self.now), from: C.congress,
            to: [C.station], subject: manhole)
        try await county.accepted(
            DeputyFeedback(suggestionId: manhole, deputy: .deputyLi, rating: .satisfied, ratedAt: Self.now),
            from: C.congress, to: [C.housing], subject: manhole)
        report = try county.show(manhole)
        #expect(report.state == "closed")
        #expect(report.details?["transfer"] == "filed as case HTJ-2024-12")
        #expect(report.history.map(\.event).contains("rate"))

        // Scenario 1 (红柳滩): suggestion → transfer (ecology) → case → pre-litigation suggestion to the
        // enforcement brigade → joint site meeting's lists → reply within 2 months → look-back confirms.
        try county.clock("2024-07-22")
        let grove = "HTB-2024-017"
        let groveCase = "HTJ-2024-07"
        let groveNumber = "呼检行公建〔2024〕7号"
        try await county.accepted(
            Self.suggestion(grove, "红柳滩林地被非法开垦", domain: .ecologyAndResources), from: C.congress,
            to: [C.congress], subject: grove)
        try await county.accepted(
            SuggestionAssignment(suggestionId: grove, hostUnit: AgencyID(C.forestry), coUnits: [], assignedAt: Self.now),
            from: C.congress, to: [C.forestry], subject: grove)
        try await county.accepted(
            SuggestionTransfer(
                suggestionId: grove, title: "红柳滩", summary: "林地被非法开垦", domain: .ecologyAndResources,
                impact: ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true), transferredAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: grove)
        try await county.accepted(
            TransferAssessment(suggestionId: grove, outcome: .filed, caseId: groveCase, assessedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: grove)
        try await county.accepted(
            Self.filing(groveCase, origin: grove, "红柳滩林地保护"), from: C.procuratorate, to: [C.congress], subject: groveCase)
        try await county.accepted(
            Self.progress(groveCase, .investigationStarted), from: C.procuratorate, to: [C.congress], subject: groveCase)
        try await county.accepted(
            Self.procuratorialSuggestion(groveNumber, caseId: groveCase, to: C.forestry, due: "2024-09-22"),
            from: C.procuratorate, to: [C.forestry, C.congress], subject: groveCase)
        #expect(try await county.waitFor(C.forestry) { $0.type == ProcuratorialSuggestion.messageType } != nil)
        // Joint site meeting: the rectification list.
        try await county.accepted(
            IssueList(listId: "HLT-2024", originSubjectId: groveCase,
                      items: [IssueList.Item(itemId: "HLT-1", problem: "红柳滩林地被开垦种植")], issuedAt: Self.now),
            from: C.procuratorate, to: [C.forestry, C.congress], subject: "HLT-2024")
        try await county.accepted(
            ResponsibilityList(
                listId: "HLT-2024",
                assignments: [
                    ResponsibilityList.Assignment(
                        itemId: "HLT-1", unit: AgencyID(C.forestry), leadPerson: "王队长",
                        deadline: CalendarDate(rawValue: "2024-09-30")!)
                ], issuedAt: Self.now),
            from: C.procuratorate, to: [C.forestry], subject: "HLT-2024")
        try await county.accepted(
            RectificationList(
                listId: "HLT-2024", plans: [RectificationList.Plan(itemId: "HLT-1", measures: ["退耕还林", "补植红柳"])],
                submittedAt: Self.now),
            from: C.forestry, to: [C.procuratorate], subject: "HLT-2024")
        try await county.accepted(
            RectificationProgress(itemId: "HLT-1", step: .started, report: "已开始退耕", at: Self.now),
            from: C.forestry, to: [C.procuratorate], subject: "HLT-1")
        // 2 months from delivery on 22 July: due 22 September; reminded 5 working days before
        // (the Mid-Autumn holiday of 16–17 September does not count, the make-up Saturday 14th does): the 13th.
        let groveReport = try county.show(groveCase)
        let replyTimer = groveReport.obligations.first { $0.timer == "procuratorialReply" }
        #expect(replyTimer?.due.rawValue == "2024-09-22")
        #expect(replyTimer?.remindOn?.rawValue == "2024-09-13")
        try county.clock("2024-09-13")
        #expect(try await county.waitForNotice(C.forestry, subject: groveCase, .reminder, timer: "procuratorialReply") != nil)
        try await county.accepted(
            RectificationProgress(itemId: "HLT-1", step: .completed, report: "补植红柳120亩", at: Self.now),
            from: C.forestry, to: [C.procuratorate], subject: "HLT-1")
        try await county.accepted(
            Verification(itemId: "HLT-1", passed: true, findings: "现场核查属实", participants: [.deputyLi], verifiedAt: Self.now),
            from: C.procuratorate, to: [C.forestry, C.congress], subject: "HLT-1")
        #expect(try county.state("HLT-1") == "closed")
        try await county.accepted(
            Self.reply(groveNumber, caseId: groveCase, .rectified), from: C.forestry, to: [C.procuratorate, C.congress],
            subject: groveCase)
        try await county.accepted(
            Self.progress(groveCase, .followUpStarted), from: C.procuratorate, to: [C.congress], subject: groveCase)
        try await county.accepted(
            Self.progress(groveCase, .followUpConcluded, performed: true), from: C.procuratorate, to: [C.congress],
            subject: groveCase)
        try await county.accepted(Self.progress(groveCase, .closed), from: C.procuratorate, to: [C.congress], subject: groveCase)
        try county.clock("2024-10-15")
        try await county.accepted(
            LookBack(subjectId: groveCase, findings: "邀请代表回头看，红柳长势良好", confirmed: true, at: Self.now),
            from: C.procuratorate, to: [C.congress], subject: groveCase)
        #expect(try county.state(groveCase) == "lookBack")
        // Nothing about the grove went overdue: the reply came before its day.
        #expect(!(await county.notices(C.forestry)).contains { $0.subjectId == groveCase && $0.notice == .overdue })
        #expect(try county.show(grove).details?["transfer"] == "filed as case HTJ-2024-07")

        // Every refusal, transition and deadline notice is in the audit chain, which still verifies.
        let config = county.cluster.path("coordinator.json")
        let trail = try county.cluster.cli(["audit", "export", "--config", config, "--subject", manhole])
        #expect(trail.contains("workflowRefused"))
        #expect(trail.contains("a rating before a reply"))
        #expect(trail.contains("workflowTransition"))
        #expect(trail.contains("deadlineFired"))
        try county.cluster.cli(["audit", "verify", "--config", config])

        // An agency reads its own deadlines, not the cases; the clock moves at most ten years at a time.
        let asMarket = [
            "--coordinator", county.cluster.routerEndpoint, "--keys", county.cluster.keyFile(C.market), "--coordinator-keys",
            county.cluster.publicKeyFile("coordinator"),
        ]
        #expect(throws: ClusterError.self) { try county.cluster.cli(["case", "show", manhole] + asMarket) }
        _ = try county.cluster.cli(["due", "--agency", C.market] + asMarket)
        #expect(throws: ClusterError.self) { try county.cluster.cli(["due"] + asMarket) }
        #expect(throws: ClusterError.self) { try county.cluster.cli(["clock", "--advance", "5000"] + county.operatorArguments) }
        #expect(try county.show(manhole).today.rawValue == "2024-10-15")
    }
}

extension WorkflowScenarioTests {
    // MARK: Scenario 4 (urgent path) across coordinator crashes, then 3, 5 and 7

    @Test(.timeLimit(.minutes(5)))
    func infantFormulaWellsTangRiverAndReverseConversion() async throws {
        let county = try await C(start: "2024-09-02")

        // Scenario 4 (婴幼儿乳粉): the harm keeps growing, so the market regulator has 15 days, not 2 months.
        let formula = "HTJ-2024-21"
        let formulaNumber = "呼检行公建〔2024〕21号"
        try await county.accepted(
            Self.filing(formula, clue: "C-2024-0831", "超市销售过期婴幼儿乳粉"), from: C.procuratorate, to: [C.congress],
            subject: formula)
        try await county.accepted(
            Self.progress(formula, .investigationStarted), from: C.procuratorate, to: [C.congress], subject: formula)
        try await county.accepted(
            Self.procuratorialSuggestion(formulaNumber, caseId: formula, to: C.market, urgent: true, due: "2024-09-17"),
            from: C.procuratorate, to: [C.market, C.congress], subject: formula)
        try await county.accepted(
            Self.progress(formula, .filedWithSuperior), from: C.procuratorate, to: [C.congress], subject: formula)
        try await county.accepted(
            SuggestionCopy(caseId: formula, documentNumber: formulaNumber, summary: "婴幼儿乳粉", copiedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: formula)
        let before = try county.show(formula)
        #expect(before.obligations.map(\.timer) == ["procuratorialReply"])
        let urgentTimer = before.obligations.first { $0.timer == "procuratorialReply" }
        #expect(urgentTimer?.due.rawValue == "2024-09-17")
        // 5 working days before the 17th: the Mid-Autumn holiday (16th–17th) and Sunday do not count,
        // the make-up working Saturday (14th) does.
        #expect(urgentTimer?.remindOn?.rawValue == "2024-09-10")

        // The coordinator dies mid-scenario and comes back with every timer intact.
        county.cluster.kill("coordinator")
        try county.cluster.startCoordinator()
        let after = try county.show(formula)
        #expect(after.state == before.state)
        #expect(after.obligations == before.obligations)

        #expect(try county.clock("2024-09-09").reminders == 0)
        try county.clock("2024-09-10")
        #expect(try await county.waitForNotice(C.market, subject: formula, .reminder) != nil)
        county.cluster.kill("coordinator")
        try county.cluster.startCoordinator()
        #expect(try county.clock("2024-09-17").overdue == 0)
        try county.clock("2024-09-18")
        let overdue = try await county.waitForNotice(C.market, subject: formula, .overdue)
        #expect(overdue?.due.rawValue == "2024-09-17")
        #expect(overdue?.on.rawValue == "2024-09-18")
        // The supervisor (the congress) is told too, and the item goes on the joint meeting's agenda.
        #expect(try await county.waitForNotice(C.congress, subject: formula, .overdue) != nil)
        #expect(try county.state(formula) == "replyOverdue")
        let marketDue = try county.due(agency: C.market)
        #expect(marketDue.items.contains { $0.subjectId == formula && $0.overdue })
        #expect(marketDue.agenda.contains { $0.subjectId == formula })
        // Only one reminder and one overdue notice, across two restarts.
        #expect(await county.notices(C.market).filter { $0.subjectId == formula }.count == 2)

        try await county.accepted(
            Self.reply(formulaNumber, caseId: formula, .rectified), from: C.market, to: [C.procuratorate], subject: formula)
        #expect(try county.state(formula) == "replyReceived")
        #expect(try county.show(formula).obligations.isEmpty)
        try await county.accepted(
            Self.progress(formula, .followUpStarted), from: C.procuratorate, to: [C.congress], subject: formula)
        try await county.accepted(
            Self.progress(formula, .followUpConcluded, performed: true), from: C.procuratorate, to: [C.congress],
            subject: formula)
        try await county.accepted(Self.progress(formula, .closed), from: C.procuratorate, to: [C.congress], subject: formula)
        #expect(try county.state(formula) == "closed")

        // Scenario 3 (机井肥水倒灌): one well's case widened to an issue list of 62 wells in 7 townships.
        let townships = ["大丰镇", "雀尔沟镇", "石梯子乡", "五工台镇", "园户村镇", "二十里店镇", "芳草湖农场"]
        let wells = (1...62).map { n in
            IssueList.Item(itemId: String(format: "JJ-%02d", n), problem: "\(townships[n % 7])第\(n)号机井肥水倒灌", location: townships[n % 7])
        }
        try await county.accepted(
            IssueList(listId: "JJ-2024", originSubjectId: "HTJ-2024-25", items: wells, issuedAt: Self.now),
            from: C.procuratorate, to: [C.water, C.congress], subject: "JJ-2024")
        try await county.accepted(
            ResponsibilityList(
                listId: "JJ-2024",
                assignments: wells.map {
                    ResponsibilityList.Assignment(
                        itemId: $0.itemId, unit: AgencyID(C.water), leadPerson: "水利局副局长",
                        deadline: CalendarDate(rawValue: "2024-11-29")!)
                }, issuedAt: Self.now),
            from: C.procuratorate, to: [C.water], subject: "JJ-2024")
        // A rectification report for a well not assigned to the sender is refused; the item is unchanged.
        try await county.refused(
            RectificationList(listId: "JJ-2024", plans: [RectificationList.Plan(itemId: "JJ-01", measures: ["加装止回阀"])],
                              submittedAt: Self.now),
            from: C.market, to: [C.procuratorate], subject: "JJ-01", rule: "notAssignedToUnit")
        #expect(try county.state("JJ-01") == "assigned")
        try await county.accepted(
            RectificationList(
                listId: "JJ-2024", plans: wells.map { RectificationList.Plan(itemId: $0.itemId, measures: ["加装止回阀"]) },
                submittedAt: Self.now),
            from: C.water, to: [C.procuratorate], subject: "JJ-2024")
        for well in wells.prefix(3) {
            try await county.accepted(
                RectificationProgress(itemId: well.itemId, step: .started, report: "开始安装止回阀", at: Self.now),
                from: C.water, to: [C.procuratorate], subject: well.itemId)
            try await county.accepted(
                RectificationProgress(itemId: well.itemId, step: .completed, report: "止回阀已安装", at: Self.now),
                from: C.water, to: [C.procuratorate], subject: well.itemId)
            try await county.accepted(
                Verification(itemId: well.itemId, passed: true, findings: "代表现场查看", participants: [.deputyMa],
                             verifiedAt: Self.now),
                from: C.procuratorate, to: [C.water], subject: well.itemId)
            try await county.accepted(
                LookBack(subjectId: well.itemId, scheduledFor: CalendarDate(rawValue: "2025-03-03")!, at: Self.now),
                from: C.congress, to: [C.procuratorate], subject: well.itemId)
        }
        #expect(try county.state("JJ-01") == "lookBackScheduled")
        #expect(try county.state("JJ-04") == "planSubmitted")
        let waterDue = try county.due(agency: C.water)
        #expect(waterDue.items.filter { $0.timer == "rectification" && !$0.overdue }.count == 59)

        // Scenario 5 (汤河四乱): filing decision, a hearing on the hard issues, three lists, a suggestion;
        // the agency does not perform, so the procuratorate sues and the court orders compensation.
        let tang = "HTJ-2024-30"
        let tangNumber = "呼检行公建〔2024〕30号"
        try await county.accepted(
            Self.filing(tang, clue: "C-2024-0902", "汤河乱占乱采乱堆乱建"), from: C.procuratorate, to: [C.congress],
            subject: tang)
        try await county.accepted(
            Self.progress(tang, .investigationStarted, hearing: true), from: C.procuratorate, to: [C.congress], subject: tang)
        // A hearing on the hard issues (§4 H), deputies as hearing officers, announced 3 days ahead at least.
        func hearing(startsAt: String) -> HearingNotice {
            HearingNotice(
                hearingId: "TH-听证-1", caseId: tang, title: "汤河“四乱”整治公开听证", place: "县检察院听证室",
                startsAt: Timestamp.parse(startsAt)!, hearingOfficers: [.deputyLi, .deputyMa], announcedAt: Self.now)
        }
        try await county.refused(
            hearing(startsAt: "2024-09-20T02:00:00Z"), from: C.procuratorate, to: [C.congress, C.station], subject: tang,
            rule: "invalidArgument")
        try await county.accepted(
            hearing(startsAt: "2024-09-25T02:00:00Z"), from: C.procuratorate, to: [C.congress, C.station], subject: tang)
        try county.clock("2024-09-25")
        try await county.accepted(
            HearingRecord(
                hearingId: "TH-听证-1", caseId: tang, heldAt: Self.now,
                opinions: [
                    HearingRecord.Opinion(officer: .deputyLi, opinion: "建议向水务局发出检察建议"),
                    HearingRecord.Opinion(officer: .deputyMa, opinion: "同意，并建议跟踪整改"),
                ], summary: "听证员一致同意制发检察建议"),
            from: C.procuratorate, to: [C.congress, C.station], subject: tang)
        #expect(try county.state("TH-听证-1") == "closed")
        try await county.accepted(
            ParticipationRecord(
                recordId: "P-2024-088", deputy: .deputyMa, activity: .trackingObservation, role: .observer,
                date: CalendarDate(rawValue: "2024-09-25")!, subjectId: tang),
            from: C.station, to: [C.congress], subject: tang)
        let profile = try XianjieJSON.decode(
            DeputyProfile.self,
            from: Data(
                try county.cluster.cli(["deputy", "profile", "D-041", "--year", "2024", "--json"] + county.operatorArguments).utf8))
        #expect(profile.total == 2)
        #expect(profile.byActivity == ["hearing": 1, "trackingObservation": 1])
        #expect(profile.byRole["hearingOfficer"] == 1)

        let problems = ["乱占", "乱采", "乱堆", "乱建"]
        try await county.accepted(
            IssueList(listId: "TH-2024", originSubjectId: tang,
                      items: problems.enumerated().map { IssueList.Item(itemId: "TH-\($0.offset + 1)", problem: "汤河\($0.element)") },
                      issuedAt: Self.now),
            from: C.procuratorate, to: [C.water], subject: "TH-2024")
        try await county.accepted(
            Self.procuratorialSuggestion(tangNumber, caseId: tang, to: C.water, due: "2024-11-02"),
            from: C.procuratorate, to: [C.water, C.congress], subject: tang)
        try county.clock("2024-10-20")
        try await county.accepted(
            Self.reply(tangNumber, caseId: tang, .partiallyRectified), from: C.water, to: [C.procuratorate], subject: tang)
        let steps: [(CaseProgress.Step, Bool?)] = [(.followUpStarted, nil), (.followUpConcluded, false), (.litigationReviewStarted, nil)]
        for (step, performed) in steps {
            try await county.accepted(
                Self.progress(tang, step, performed: performed), from: C.procuratorate, to: [C.congress], subject: tang)
        }
        #expect(try county.state(tang) == "litigationReview")
        try await county.accepted(
            LitigationComplaint(
                caseId: tang, court: "呼图壁县人民法院", defendant: AgencyID(C.water), claims: ["判令依法履职", "赔偿生态修复费用"],
                approvedBy: .chief, filedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: tang)
        try await county.accepted(
            Self.progress(tang, .judgment, summary: "判决支持全部诉讼请求，获赔生态修复费用"), from: C.procuratorate,
            to: [C.congress], subject: tang)
        #expect(try county.state(tang) == "judgment")

        // Scenario 7 (反向转化): three suggestions copied to the congress; one becomes a deputy suggestion.
        let sources = [
            ("HTJ-2024-40", "呼检行公建〔2024〕40号", "河道污染"), ("HTJ-2024-41", "呼检行公建〔2024〕41号", "森林抚育"),
            ("HTJ-2024-42", "呼检行公建〔2024〕42号", "青少年法治教育"),
        ]
        for (caseId, number, topic) in sources {
            try await county.accepted(Self.filing(caseId, clue: "C-\(caseId)", topic), from: C.procuratorate, to: [C.congress], subject: caseId)
            try await county.accepted(
                Self.progress(caseId, .investigationStarted), from: C.procuratorate, to: [C.congress], subject: caseId)
            try await county.accepted(
                Self.procuratorialSuggestion(number, caseId: caseId, to: C.forestry, due: "2024-12-20"),
                from: C.procuratorate, to: [C.forestry], subject: caseId)
            try await county.accepted(
                SuggestionCopy(
                    caseId: caseId, documentNumber: number, summary: topic,
                    criteria: SuggestionCopy.Criteria(
                        wideImpact: true, publicAttention: true, typicalViolation: false, deservesAttention: true),
                    copiedAt: Self.now),
                from: C.procuratorate, to: [C.congress], subject: caseId)
            try await county.accepted(
                ConversionDecision(caseId: caseId, documentNumber: number, step: .screeningStarted, at: Self.now),
                from: C.congress, to: [C.procuratorate], subject: number)
        }
        for (caseId, number, _) in sources.dropFirst() {
            try await county.accepted(
                ConversionDecision(caseId: caseId, documentNumber: number, step: .notConverted, reason: "已由部门整改，无需转化", at: Self.now),
                from: C.congress, to: [C.procuratorate], subject: number)
        }
        let (riverCase, riverNumber, _) = sources[0]
        try await county.accepted(
            ConversionDecision(caseId: riverCase, documentNumber: riverNumber, step: .proposed,
                               recommendation: "建立流域污染联防联治机制", at: Self.now),
            from: C.congress, to: [C.procuratorate], subject: riverNumber)
        try await county.accepted(
            ConversionDecision(caseId: riverCase, documentNumber: riverNumber, step: .adopted, deputy: .deputyLi, at: Self.now),
            from: C.congress, to: [C.procuratorate], subject: riverNumber)
        // Only the adopting lead deputy may submit it.
        try await county.refused(
            ConversionDecision(caseId: riverCase, documentNumber: riverNumber, step: .submitted, deputy: .deputyMa,
                               suggestionId: "HTB-2024-045", at: Self.now),
            from: C.congress, to: [C.procuratorate], subject: riverNumber, rule: "leadDeputyRequired")
        try await county.accepted(
            ConversionDecision(caseId: riverCase, documentNumber: riverNumber, step: .submitted, deputy: .deputyLi,
                               suggestionId: "HTB-2024-045", at: Self.now),
            from: C.congress, to: [C.procuratorate], subject: riverNumber)
        #expect(try county.state(riverNumber) == "submitted")
        #expect(try county.state(sources[1].1) == "notConverted")
        let converted = try county.show("HTB-2024-045")
        #expect(converted.state == "submitted")
        #expect(converted.details?["originCaseId"] == riverCase)
        // Then track A: the congress registers and assigns it.
        try await county.accepted(
            Self.suggestion("HTB-2024-045", "建立流域污染联防联治机制", domain: .ecologyAndResources, origin: riverCase),
            from: C.congress, to: [C.congress], subject: "HTB-2024-045")
        try await county.accepted(
            SuggestionAssignment(suggestionId: "HTB-2024-045", hostUnit: AgencyID(C.water), coUnits: [AgencyID(C.forestry)],
                                 assignedAt: Self.now),
            from: C.congress, to: [C.water, C.forestry], subject: "HTB-2024-045")
        #expect(try county.state("HTB-2024-045") == "assigned")
        // A transfer out of scope is refused with the reason.
        try await county.accepted(
            Self.suggestion("HTB-2024-050", "增设公交线路", domain: .other, inScope: false), from: C.congress, to: [C.congress],
            subject: "HTB-2024-050")
        let reason = try await county.refused(
            SuggestionTransfer(
                suggestionId: "HTB-2024-050", title: "增设公交线路", summary: "公交", domain: .other,
                impact: ImpactFlags(harmsPublicInterest: false, wideSocialImpact: false), transferredAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: "HTB-2024-050", rule: "outOfScope")
        #expect(reason.contains("not in the configured public-interest list"))
    }
}
