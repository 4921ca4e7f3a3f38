import Foundation
import JSONSchema
import XianjieMessages
import XianjieNode

/// One step of a scenario: an agency's node sends a document.
struct ScenarioStep {
    var narration: String
    var from: AgencyID
    var document: ControlRequest.Document
    /// The outcome the step expects from the coordinator.
    var expect: String = "accepted"

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
}

/// DOMAIN.md §6 scenarios 1 (红柳滩 tamarisk grove) and 4 (婴幼儿乳粉 infant formula, urgent), a station's
/// clue, a notice to everyone, and one malformed document the coordinator must refuse.
enum Scenarios {
    static func county(now: Date = Date()) -> [ScenarioStep] {
        let congress: AgencyID = "hutubi.congress"
        let procuratorate: AgencyID = "hutubi.procuratorate"
        let forestry: AgencyID = "hutubi.forestry"
        let market: AgencyID = "hutubi.market"
        let station: AgencyID = "hutubi.station.erdaohe"
        let chief = Person(name: "李检察长", role: "检察长")
        let ecology = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true)
        var steps: [ScenarioStep] = []
        steps.append(
            ScenarioStep(
                "联络站接到群众反映：红柳滩被开垦 — a station takes in a clue", from: station, to: [procuratorate],
                subject: "clue-2024-031",
                Clue(
                    clueId: "clue-2024-031", channel: .receptionDay, receivedAt: now, place: "二道河子镇红柳滩",
                    description: "红柳林被违规开垦，面积约30亩", domain: .ecologyAndResources,
                    reporter: Person(name: "张某"), confidential: true)))
        steps.append(
            ScenarioStep(
                "人大常委会转交代表建议 — congress transfers the deputy's suggestion", from: congress,
                to: [procuratorate], subject: "sugg-2024-017",
                SuggestionTransfer(
                    suggestionId: "sugg-2024-017", title: "关于保护红柳滩生态的建议",
                    summary: "代表建议依法保护红柳滩，制止违法开垦。", domain: .ecologyAndResources, impact: ecology,
                    transferredAt: now)))
        steps.append(
            ScenarioStep(
                "检察院研判后立案 — the procuratorate files a case", from: procuratorate, to: [congress],
                subject: "sugg-2024-017",
                TransferAssessment(
                    suggestionId: "sugg-2024-017", outcome: .filed, caseId: "case-2024-05", assessedAt: now)))
        steps.append(
            ScenarioStep(
                "诉前检察建议送达林草执法大队 — a pre-litigation suggestion to the forestry brigade",
                from: procuratorate, to: [forestry, congress], subject: "case-2024-05",
                ProcuratorialSuggestion(
                    documentNumber: "呼检行公建〔2024〕5号", caseId: "case-2024-05", kind: .publicInterest,
                    addressee: forestry, facts: "红柳滩约30亩红柳林被违法开垦。", legalBasis: "《中华人民共和国森林法》",
                    recommendations: ["依法查处违法开垦行为", "组织补植复绿"], urgent: false, issuedAt: now,
                    replyDueBy: CalendarDate(rawValue: "2025-01-20")!, approvedBy: chief, deliveryMode: .written)))
        steps.append(
            ScenarioStep(
                "执法大队书面回复：已整改 — the brigade replies: rectified", from: forestry,
                to: [procuratorate, congress], subject: "case-2024-05",
                RectificationReply(
                    documentNumber: "呼检行公建〔2024〕5号", caseId: "case-2024-05", status: .rectified,
                    measures: ["立案查处2起", "补植红柳30亩"], repliedAt: now)))
        steps.append(
            ScenarioStep(
                "紧急：婴幼儿乳粉检察建议，15日内回复 — urgent suggestion to market regulation", from: procuratorate,
                to: [market], subject: "case-2024-09",
                ProcuratorialSuggestion(
                    documentNumber: "呼检行公建〔2024〕9号", caseId: "case-2024-09", kind: .publicInterest,
                    addressee: market, facts: "辖区部分商户销售标签不合格的婴幼儿配方乳粉。", legalBasis: "《中华人民共和国食品安全法》",
                    recommendations: ["立即下架问题乳粉", "开展专项检查"], urgent: true, issuedAt: now,
                    replyDueBy: CalendarDate(rawValue: "2024-12-10")!, approvedBy: chief, deliveryMode: .written)))
        steps.append(
            ScenarioStep(
                "市场监管局回复整改中 — the market bureau replies", from: market, to: [procuratorate],
                subject: "case-2024-09",
                RectificationReply(
                    documentNumber: "呼检行公建〔2024〕9号", caseId: "case-2024-09", status: .inProgress,
                    measures: ["下架问题乳粉126罐"], explanation: "专项检查进行中，预计两周完成", repliedAt: now)))
        steps.append(
            ScenarioStep(
                "工作专报发给全体 — a bulletin broadcast on 'notices'", from: congress, topic: "notices",
                subject: "bulletin-2024-12",
                WorkBulletin(
                    bulletinId: "bulletin-2024-12", title: "衔接工作专报第12期", body: "红柳滩案件已整改，转入回头看。",
                    issuedAt: now)))
        var bad = ScenarioStep(
            "一份缺少必填项的文书被拒收 — a document missing required fields is refused", from: market,
            to: [procuratorate], subject: "case-2024-09",
            WorkBulletin(bulletinId: "x", title: "x", body: "x", issuedAt: now))
        bad.document.type = RectificationReply.messageType
        bad.document.topic = nil
        bad.expect = "rejected"
        steps.append(bad)
        var forbidden = ScenarioStep(
            "联络站无权发出检察建议，被拒 — a station may not issue a procuratorial suggestion", from: station,
            to: [market], subject: "case-2024-09",
            ProcuratorialSuggestion(
                documentNumber: "伪〔2024〕1号", caseId: "case-2024-09", kind: .other, addressee: market, facts: "—",
                legalBasis: "—", recommendations: ["—"], urgent: false, issuedAt: now,
                replyDueBy: CalendarDate(rawValue: "2025-01-20")!, approvedBy: chief, deliveryMode: .written))
        forbidden.expect = "rejected"
        steps.append(forbidden)
        return steps
    }
}
