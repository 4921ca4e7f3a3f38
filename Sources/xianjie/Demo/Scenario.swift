import Foundation
import JSONSchema
import XianjieMessages
import XianjieNode

/// One step of a scenario: an agency's node sends a document, or the operator moves the driven clock.
struct ScenarioStep {
    var narration: String
    var from: AgencyID
    var document: ControlRequest.Document
    /// The outcome the step expects from the coordinator.
    var expect: String = "accepted"
    /// Set for a step that moves the coordinator's driven clock to this day instead of sending.
    var clock: CalendarDate?

    init<P: MessagePayload>(
        _ narration: String, from: AgencyID, to recipients: [AgencyID] = [], topic: String? = nil, subject: String,
        _ payload: P
    ) {
        self.narration = narration
        self.from = from
        let data = (try? JSONValue.parse(XianjieJSON.encode(payload))) ?? .object([:])
        self.document = ControlRequest.Document(
            type: P.messageType, recipients: recipients.isEmpty ? nil : recipients, topic: topic, subject: subject,
            data: data)
    }

    /// The operator moves the coordinator's driven clock; every day in between runs the deadline engine.
    static func days(_ narration: String, until day: String) -> ScenarioStep {
        var step = ScenarioStep(narration, from: "operator.demo", subject: "", ClockRequest())
        step.clock = CalendarDate(rawValue: day)
        return step
    }
}

/// DOMAIN.md §6 scenarios 1 (红柳滩 tamarisk grove) and 4 (婴幼儿乳粉 infant formula, urgent) as the
/// coordinator enforces them, with the driven clock passing the urgent 15-day deadline; a station's
/// clue, a notice to everyone, and documents the coordinator must refuse (a protocol violation, a
/// malformed document, a forbidden sender).
enum Scenarios {
    /// The driven clock's first day (a Monday).
    static let start = "2024-07-01"

    static func county(now: Date = Date()) -> [ScenarioStep] {
        let congress: AgencyID = "hutubi.congress"
        let procuratorate: AgencyID = "hutubi.procuratorate"
        let forestry: AgencyID = "hutubi.forestry"
        let market: AgencyID = "hutubi.market"
        let station: AgencyID = "hutubi.station.erdaohe"
        let chief = Person(name: "李检察长", personId: "P-001", role: "检察长")
        let deputy = Person(name: "李建华", personId: "D-023", role: "县人大代表")
        let ecology = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true)
        let grove = "HTB-2024-017"
        let groveCase = "HTJ-2024-05"
        let groveNumber = "呼检行公建〔2024〕5号"
        let formula = "HTJ-2024-09"
        let formulaNumber = "呼检行公建〔2024〕9号"
        func progress(_ caseId: String, _ step: CaseProgress.Step, performed: Bool? = nil) -> CaseProgress {
            CaseProgress(caseId: caseId, step: step, at: now, performed: performed)
        }
        var steps: [ScenarioStep] = [
            ScenarioStep(
                "联络站接到群众反映：红柳滩被开垦 — a station takes in a clue", from: station, to: [procuratorate],
                subject: "clue-2024-031",
                Clue(
                    clueId: "clue-2024-031", channel: .receptionDay, receivedAt: now, place: "二道河子镇红柳滩",
                    description: "红柳林被违规开垦，面积约30亩", domain: .ecologyAndResources,
                    reporter: Person(name: "张某"), confidential: true)),
            ScenarioStep(
                "人大常委会登记代表建议（闭会期间）— congress registers a deputy's suggestion", from: congress,
                to: [congress], subject: grove,
                DeputySuggestion(
                    suggestionId: grove, title: "关于保护红柳滩生态的建议", content: "建议依法制止红柳滩违法开垦。",
                    leadDeputy: deputy, session: .betweenSessions, submittedAt: now, domain: .ecologyAndResources,
                    impact: ecology)),
            ScenarioStep(
                "交办林草执法大队（5个工作日内）— assigned to the forestry brigade", from: congress, to: [forestry],
                subject: grove,
                SuggestionAssignment(suggestionId: grove, hostUnit: forestry, coUnits: [], assignedAt: now)),
            ScenarioStep(
                "转交检察院（生态环境，属公益范围）— transferred to the procuratorate", from: congress,
                to: [procuratorate], subject: grove,
                SuggestionTransfer(
                    suggestionId: grove, title: "关于保护红柳滩生态的建议", summary: "代表建议依法保护红柳滩，制止违法开垦。",
                    domain: .ecologyAndResources, impact: ecology, transferredAt: now)),
            ScenarioStep(
                "代表在答复前评价，被拒（先答复后评价）— a rating before any reply is refused", from: congress,
                to: [forestry], subject: grove,
                DeputyFeedback(suggestionId: grove, deputy: deputy, rating: .unsatisfied, ratedAt: now)),
            ScenarioStep(
                "检察院研判后立案 — the procuratorate's assessment: filed", from: procuratorate, to: [congress],
                subject: grove,
                TransferAssessment(suggestionId: grove, outcome: .filed, caseId: groveCase, assessedAt: now)),
            ScenarioStep(
                "立案决定书 — the case filing decision", from: procuratorate, to: [congress], subject: groveCase,
                CaseFilingDecision(
                    caseId: groveCase, decision: .filed, originSuggestionId: grove, domain: .ecologyAndResources,
                    summary: "红柳滩林地被违法开垦", decidedAt: now, approvedBy: chief)),
            ScenarioStep(
                "调查核实 — investigation", from: procuratorate, to: [congress], subject: groveCase,
                progress(groveCase, .investigationStarted)),
            ScenarioStep(
                "诉前检察建议送达林草执法大队（2个月内回复）— a pre-litigation suggestion, 2 months to reply",
                from: procuratorate, to: [forestry, congress], subject: groveCase,
                ProcuratorialSuggestion(
                    documentNumber: groveNumber, caseId: groveCase, kind: .publicInterest, addressee: forestry,
                    facts: "红柳滩约30亩红柳林被违法开垦。", legalBasis: "《中华人民共和国森林法》",
                    recommendations: ["依法查处违法开垦行为", "组织补植复绿"], urgent: false, issuedAt: now,
                    replyDueBy: CalendarDate(rawValue: "2024-09-01")!, approvedBy: chief, deliveryMode: .written)),
            ScenarioStep(
                "5日内报上一级检察院备案 — filed with the superior procuratorate", from: procuratorate, to: [congress],
                subject: groveCase, progress(groveCase, .filedWithSuperior)),
            ScenarioStep(
                "10日内抄送人大 — copied to the congress", from: procuratorate, to: [congress], subject: groveCase,
                SuggestionCopy(caseId: groveCase, documentNumber: groveNumber, summary: "红柳滩生态保护", copiedAt: now)),
            ScenarioStep(
                "紧急：婴幼儿乳粉案立案 — the urgent infant-formula case is filed", from: procuratorate, to: [congress],
                subject: formula,
                CaseFilingDecision(
                    caseId: formula, decision: .filed, originClueId: "clue-2024-044", domain: .foodAndDrugSafety,
                    summary: "部分商户销售标签不合格的婴幼儿配方乳粉", decidedAt: now, approvedBy: chief)),
            ScenarioStep(
                "调查核实 — investigation", from: procuratorate, to: [congress], subject: formula,
                progress(formula, .investigationStarted)),
            ScenarioStep(
                "损害持续扩大：检察建议15日内回复 — urgent suggestion to market regulation, 15 days", from: procuratorate,
                to: [market, congress], subject: formula,
                ProcuratorialSuggestion(
                    documentNumber: formulaNumber, caseId: formula, kind: .publicInterest, addressee: market,
                    facts: "辖区部分商户销售标签不合格的婴幼儿配方乳粉。", legalBasis: "《中华人民共和国食品安全法》",
                    recommendations: ["立即下架问题乳粉", "开展专项检查"], urgent: true, issuedAt: now,
                    replyDueBy: CalendarDate(rawValue: "2024-07-16")!, approvedBy: chief, deliveryMode: .written)),
            ScenarioStep(
                "备案 — filed with the superior", from: procuratorate, to: [congress], subject: formula,
                progress(formula, .filedWithSuperior)),
            ScenarioStep(
                "抄送人大 — copied to the congress", from: procuratorate, to: [congress], subject: formula,
                SuggestionCopy(caseId: formula, documentNumber: formulaNumber, summary: "婴幼儿乳粉", copiedAt: now)),
            .days("八天后：提醒市场监管局回复期限 — 8 days later: the reminder to the market bureau", until: "2024-07-09"),
            ScenarioStep(
                "执法大队书面回复：已整改 — the brigade replies within its 2 months: rectified", from: forestry,
                to: [procuratorate, congress], subject: groveCase,
                RectificationReply(
                    documentNumber: groveNumber, caseId: groveCase, status: .rectified,
                    measures: ["立案查处2起", "补植红柳30亩"], repliedAt: now)),
            ScenarioStep(
                "跟进调查：已履职 — follow-up: the agency performed", from: procuratorate, to: [congress],
                subject: groveCase, progress(groveCase, .followUpConcluded, performed: true)),
            .days("十五日期满未回复：逾期通知、督办 — 15 days pass without a reply: overdue, 督办", until: "2024-07-17"),
            ScenarioStep(
                "市场监管局逾期回复：整改中 — the market bureau replies late", from: market, to: [procuratorate],
                subject: formula,
                RectificationReply(
                    documentNumber: formulaNumber, caseId: formula, status: .inProgress, measures: ["下架问题乳粉126罐"],
                    explanation: "专项检查进行中，预计两周完成", repliedAt: now)),
            .days(
                "周例会议程冻结：督办事项上会 — the next weekly meeting's agenda freezes with the 督办 item",
                until: "2024-07-21"),
            ScenarioStep(
                "工作专报发给全体 — a bulletin broadcast on 'notices'", from: congress, topic: "notices",
                subject: "bulletin-2024-12",
                WorkBulletin(
                    bulletinId: "bulletin-2024-12", title: "衔接工作专报第12期", body: "红柳滩案件已整改，转入回头看。",
                    issuedAt: now)),
        ]
        steps[4].expect = "rejected"
        // 跟进调查 must start before it concludes: insert the start before the conclusion.
        if let index = steps.firstIndex(where: { $0.narration.hasPrefix("跟进调查") }) {
            steps.insert(
                ScenarioStep(
                    "开始跟进调查 — follow-up investigation (mandatory)", from: procuratorate, to: [congress],
                    subject: groveCase, progress(groveCase, .followUpStarted)), at: index)
        }
        var bad = ScenarioStep(
            "一份缺少必填项的文书被拒收 — a document missing required fields is refused", from: market,
            to: [procuratorate], subject: formula,
            WorkBulletin(bulletinId: "x", title: "x", body: "x", issuedAt: now))
        bad.document.type = RectificationReply.messageType
        bad.document.topic = nil
        bad.expect = "rejected"
        steps.append(bad)
        var forbidden = ScenarioStep(
            "联络站无权发出检察建议，被拒 — a station may not issue a procuratorial suggestion", from: station,
            to: [market], subject: formula,
            ProcuratorialSuggestion(
                documentNumber: "伪〔2024〕1号", caseId: formula, kind: .other, addressee: market, facts: "—",
                legalBasis: "—", recommendations: ["—"], urgent: false, issuedAt: now,
                replyDueBy: CalendarDate(rawValue: "2025-01-20")!, approvedBy: chief, deliveryMode: .written))
        forbidden.expect = "rejected"
        steps.append(forbidden)
        return steps
    }
}
