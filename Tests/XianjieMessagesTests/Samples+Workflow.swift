import Foundation
import XianjieMessages

/// Samples of the workflow documents (DOMAIN.md §4 A, B, C, G), the deadline notice and the coordinator's
/// workflow queries, drawn from the sample county's cases: 红柳滩 (tamarisk grove), 窨井盖 (manhole covers),
/// 婴幼儿乳粉 (infant formula). One value per branch of each conditional rule.
extension Samples {
    static func day(_ text: String) -> CalendarDate { CalendarDate(rawValue: text)! }

    static let chief = Person(name: "李检察长", personId: "HTB-P-001", role: "检察长")
    static let deputyLiu = Person(name: "刘代表", personId: "HTB-D-032", role: "县人大代表")
    static let hostAgency = DeadlineNotice.Party(role: "agency", agency: "hutubi.housing")
    static let congressParty = DeadlineNotice.Party(role: "congress", agency: "hutubi.congress")

    /// Track A: 窨井盖 (manhole covers), a deputy suggestion assigned to the housing bureau.
    static let deputySuggestionTrack: [any MessagePayload] = [
        SuggestionAssignment(
            suggestionId: "sugg-2024-021", hostUnit: "hutubi.housing",
            coUnits: ["hutubi.urban-management", "hutubi.transport"], assignedAt: now,
            requirements: "请主办单位会同协办单位排查城区窨井盖缺失、破损情况，三个月内书面答复领衔代表。"),
        SuggestionHandling(suggestionId: "sugg-2024-021", action: .accepted, at: now),
        SuggestionHandling(
            suggestionId: "sugg-2024-021", action: .extensionRequested,
            explanation: "涉及老旧小区管网改造，需列入明年财政预算，申请延长办理期限至六个月。", at: now),
        ReplyLetter(
            suggestionId: "sugg-2024-021",
            content: "关于加强城区窨井盖管理的建议收悉。经排查，城区共有缺失、破损窨井盖137处，现已全部更换。",
            measures: ["更换破损窨井盖137处", "加装防坠网412处", "建立每周巡查机制"], repliedAt: now,
            signedBy: Person(name: "张局长", role: "县住房和城乡建设局局长"), attachments: [attachment]),
        FeedbackRequest(suggestionId: "sugg-2024-021", deputy: person, sentAt: now),
        DeputyFeedback(
            suggestionId: "sugg-2024-021", deputy: person, rating: .basicallySatisfied,
            comments: "城区已整改到位，建议将乡镇窨井盖一并纳入巡查范围。", ratedAt: now),
    ]

    /// Track B: 红柳滩 (tamarisk grove) and 婴幼儿乳粉 (infant formula), public-interest cases.
    static let caseTrack: [any MessagePayload] = [
        CaseFilingDecision(
            caseId: "case-2024-05", decision: .filed, originSuggestionId: "sugg-2024-017",
            originClueId: "clue-2024-044",
            domain: .ecologyAndResources, summary: "红柳滩国家公益林被违法开垦约120亩，林业部门未依法履行监管职责。",
            decidedAt: now, approvedBy: chief),
        CaseFilingDecision(
            caseId: "case-2024-06", decision: .declined, domain: .foodAndDrugSafety,
            summary: "反映某超市销售过期婴幼儿乳粉。", reason: "经核查，涉案商品已由市场监管部门依法查处，公益损害已消除，不予立案。",
            decidedAt: now, approvedBy: chief),
        CaseProgress(
            caseId: "case-2024-05", step: .investigationStarted, at: now, hearing: true,
            note: "邀请人大代表参与红柳滩现场勘查。"),
        CaseProgress(caseId: "case-2024-09", step: .reviewDecided, at: now, reviewOutcome: .upheld),
        CaseProgress(caseId: "case-2024-05", step: .followUpConcluded, at: now, performed: true),
        CaseProgress(
            caseId: "case-2024-05", step: .judgment, at: now,
            summary: "判决被告依法履行红柳滩林地恢复监管职责。"),
        SuggestionCopy(
            caseId: "case-2024-07", documentNumber: "呼检行公建〔2024〕7号",
            summary: "督促县市场监督管理局加强婴幼儿乳粉销售环节监管。",
            criteria: .init(wideImpact: true, publicAttention: true, typicalViolation: true, deservesAttention: true),
            copiedAt: now),
        Objection(
            caseId: "case-2024-09", documentNumber: "呼检行公建〔2024〕9号",
            grounds: "涉案商户已于建议送达前停业，建议所列事实有误。", raisedAt: now, attachments: [attachment]),
        TerminationDecision(
            caseId: "case-2024-08", reason: "行政机关已依法全面履行职责，国家利益和社会公共利益得到有效保护。",
            decidedAt: now, approvedBy: chief),
        LitigationComplaint(
            caseId: "case-2024-05", court: "呼图壁县人民法院", defendant: "hutubi.forestry",
            claims: ["确认被告未依法履行红柳滩林地监管职责违法", "判令被告依法履行职责，恢复被毁林地"],
            approvedBy: chief, filedAt: now),
    ]

    /// Track C: reverse conversion of the infant-formula suggestion, one value per step with a rule.
    static let conversionTrack: [any MessagePayload] = [
        ConversionDecision(
            caseId: "case-2024-07", documentNumber: "呼检行公建〔2024〕7号", step: .screeningStarted, at: now),
        ConversionDecision(
            caseId: "case-2024-07", documentNumber: "呼检行公建〔2024〕7号", step: .notConverted,
            reason: "个案问题已整改，不具有普遍性。", at: now),
        ConversionDecision(
            caseId: "case-2024-07", documentNumber: "呼检行公建〔2024〕7号", step: .proposed,
            recommendation: "建议建立婴幼儿乳粉销售追溯和临期商品下架制度。", at: now),
        ConversionDecision(
            caseId: "case-2024-07", documentNumber: "呼检行公建〔2024〕7号", step: .adopted, deputy: deputyLiu, at: now),
        ConversionDecision(
            caseId: "case-2024-07", documentNumber: "呼检行公建〔2024〕7号", step: .submitted,
            recommendation: "建议建立婴幼儿乳粉销售追溯和临期商品下架制度。", deputy: deputyLiu,
            suggestionId: "sugg-2024-040", at: now),
    ]

    /// Track G: the three lists of the 红柳滩 site meeting, then the look-back.
    static let threeLists: [any MessagePayload] = [
        IssueList(
            listId: "list-2024-03", originSubjectId: "case-2024-05",
            items: [
                .init(itemId: "item-2024-03-1", problem: "红柳滩林地被开垦种植农作物约120亩", location: "红柳滩西片区"),
                .init(itemId: "item-2024-03-2", problem: "林区围栏损毁，无人巡护"),
            ], issuedAt: now),
        ResponsibilityList(
            listId: "list-2024-03",
            assignments: [
                .init(
                    itemId: "item-2024-03-1", unit: "hutubi.forestry", leadPerson: "王副局长",
                    deadline: day("2025-03-31")),
                .init(
                    itemId: "item-2024-03-2", unit: "hutubi.forestry-brigade", leadPerson: "赵大队长",
                    deadline: day("2025-01-15")),
            ], issuedAt: now),
        RectificationList(
            listId: "list-2024-03",
            plans: [
                .init(
                    itemId: "item-2024-03-1", measures: ["清退开垦地块", "次年春季补植红柳"],
                    plannedCompletion: day("2025-04-30"))
            ], submittedAt: now),
        RectificationProgress(
            itemId: "item-2024-03-1", step: .completed, report: "已清退开垦地块120亩，补植红柳3.6万株。", at: now,
            attachments: [attachment]),
        Verification(
            itemId: "item-2024-03-1", passed: true, findings: "补植红柳成活率达85%，未发现新的开垦行为。",
            participants: [person, Person(name: "陈检察官", role: "承办检察官")], verifiedAt: now),
        LookBack(
            subjectId: "item-2024-03-1", scheduledFor: day("2025-10-15"), findings: "复绿效果稳定，围栏完好。",
            confirmed: true, newItemId: "item-2025-01-1", at: now),
        LookBack(subjectId: "sugg-2024-021", findings: "城区窨井盖巡查机制运行正常。", at: now),
    ]

    /// The deadline engine and the coordinator's answers to workflow queries.
    static let deadlines: [any MessagePayload] = [
        DeadlineNotice(
            subjectId: "sugg-2024-021", process: "deputySuggestion", timer: "suggestionReply", notice: .overdue,
            due: day("2024-12-10"), obligated: hostAgency,
            supervisor: DeadlineNotice.Party(role: "congress", agency: "hutubi.congress", person: "HTB-C-003"),
            text: "逾期 overdue: suggestionReply for sugg-2024-021 was due from hutubi.housing on 2024-12-10; "
                + "督办 at the next joint meeting",
            on: day("2024-12-11")),
        CaseQuery(subjectId: "sugg-2024-021"),
        CaseReport(
            subjectId: "sugg-2024-021", found: true, process: "deputySuggestion", state: "handling",
            today: day("2024-11-22"), details: ["hostUnit": "hutubi.housing"],
            obligations: [
                .init(
                    timer: "suggestionReply", due: day("2025-02-22"), remindOn: day("2025-02-15"),
                    obligated: hostAgency, supervisor: congressParty, overdue: false)
            ],
            history: [
                .init(
                    on: day("2024-11-22"), at: now, event: "assign", actor: "congress hutubi.congress",
                    from: "registered", to: "assigned", messageId: "congress-2024-assign-021")
            ],
            agenda: [agendaItem]),
        DueQuery(agency: "hutubi.housing", withinDays: 30),
        DueReport(
            today: day("2024-11-22"),
            items: [
                .init(
                    subjectId: "呼检行公建〔2024〕7号", process: "publicInterestCase", state: "awaitingReply",
                    timer: "procuratorialReply", due: day("2024-12-07"), remindOn: day("2024-12-02"),
                    obligated: DeadlineNotice.Party(role: "agency", agency: "hutubi.market"),
                    supervisor: congressParty, overdue: false, daysLeft: 15)
            ],
            agenda: [agendaItem]),
        ClockRequest(),
        ClockRequest(set: day("2024-12-11")),
        ClockRequest(advanceDays: 1),
        ClockReport(today: day("2024-12-11"), driven: true, reminders: 2, overdue: 1),
    ]

    static let agendaItem = DueReport.AgendaItem(
        subjectId: "sugg-2024-021", reason: "答复逾期，提交下次联席会议督办", obligated: hostAgency, due: day("2024-12-10"),
        queuedOn: day("2024-12-11"))

    static let workflow: [any MessagePayload] =
        deputySuggestionTrack + caseTrack + conversionTrack + threeLists + deadlines
}
