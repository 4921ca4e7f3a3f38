import Foundation
import Testing
import XianjieMessages

/// DOMAIN.md scenario 6 (road S101, [000]) inside one region: three procuratorates sign an agreement,
/// an out-of-area clue is transferred, acknowledged and answered under it, a non-party is refused,
/// a suspended agreement stops the next transfer, and an unacknowledged transfer is urged (督办).
@Suite(.serialized) struct CooperationScenarioTests {
    typealias C = ScenarioCounty
    static let now = Date()
    static let hutubi = C.procuratorate
    static let manas = "manas.procuratorate"
    static let shawan = "shawan.procuratorate"
    static let qitai = "qitai.procuratorate"
    static let agreementId = "S101-2024"

    static var terms: CooperationAgreement {
        CooperationAgreement(
            agreementId: agreementId, version: 1, title: "S101省道沿线公益诉讼跨区域协作机制意见（试行）",
            parties: [AgencyID(hutubi), AgencyID(manas), AgencyID(shawan)],
            area: AgreementArea(kind: .road, name: "S101省道", segments: ["呼图壁段", "玛纳斯段", "沙湾段"]),
            domains: [.ecologyAndResources, .workSafety], modules: [.clueTransfer, .informationSharing, .entrustedEvidence],
            trial: true, acknowledgeWithinDays: 7, feedbackWithinDays: 30, draftedAt: now)
    }

    static func transfer(_ id: String, segment: String = "呼图壁段", domain: PublicInterestDomain = .ecologyAndResources)
        -> ClueTransfer
    {
        ClueTransfer(
            transferId: id, agreementId: agreementId, clueId: "clue-\(id)", domain: domain, segment: segment,
            place: "S101省道K45+200", summary: "道路两侧倾倒建筑垃圾", sentAt: now)
    }

    static func sign(_ version: Int = 1) -> AgreementSignature {
        AgreementSignature(agreementId: agreementId, version: version, signedBy: Person(name: "检察长"), signedAt: now)
    }

    @Test(.timeLimit(.minutes(5)))
    func roadS101() async throws {
        let county = try await C(
            start: "2024-06-03", more: [(Self.manas, "procuratorate"), (Self.shawan, "procuratorate"), (Self.qitai, "procuratorate")])
        let others = { (me: String) in [Self.hutubi, Self.manas, Self.shawan].filter { $0 != me } }

        // Drafted by Hutubi; nothing may be exchanged under a draft.
        try await county.accepted(Self.terms, from: Self.hutubi, to: others(Self.hutubi), subject: Self.agreementId)
        #expect(try county.agreement(Self.agreementId)?.state == "draft")
        try await county.refused(
            Self.transfer("T-0"), from: Self.manas, to: [Self.hutubi], subject: "T-0", rule: "agreementNotActive")
        // 会签: signed by every party, the last on 5 June 2024.
        try await county.accepted(Self.sign(), from: Self.hutubi, to: others(Self.hutubi), subject: Self.agreementId)
        try await county.accepted(Self.sign(), from: Self.manas, to: others(Self.manas), subject: Self.agreementId)
        #expect(try county.agreement(Self.agreementId)?.state == "negotiating")
        try await county.refused(Self.sign(), from: Self.qitai, to: [Self.hutubi], subject: Self.agreementId, rule: "notAParty")
        try county.clock("2024-06-05")
        try await county.accepted(Self.sign(), from: Self.shawan, to: others(Self.shawan), subject: Self.agreementId)
        let active = try #require(try county.agreement(Self.agreementId))
        #expect(active.state == "active")
        #expect(Set(active.signedBy.map(\.rawValue)) == [Self.hutubi, Self.manas, Self.shawan])

        // Manas finds a clue on Hutubi's section of the road and transfers it.
        try await county.accepted(Self.transfer("T-1"), from: Self.manas, to: [Self.hutubi], subject: "T-1")
        #expect(try await county.waitFor(Self.hutubi) { $0.type == ClueTransfer.messageType && $0.subject == "T-1" } != nil)
        let sent = try county.show("T-1")
        #expect(sent.state == "sent")
        #expect(sent.obligations.first?.timer == "clueAcknowledgement")
        #expect(sent.obligations.first?.due.rawValue == "2024-06-12")
        // The same transfer to a procuratorate that is not a party, off the road, or outside the domains: refused.
        try await county.refused(Self.transfer("T-X"), from: Self.manas, to: [Self.qitai], subject: "T-X", rule: "notAParty")
        try await county.refused(
            Self.transfer("T-Y", segment: "奇台段"), from: Self.manas, to: [Self.hutubi], subject: "T-Y", rule: "outOfScope")
        try await county.refused(
            Self.transfer("T-Z", domain: .minorsProtection), from: Self.manas, to: [Self.hutubi], subject: "T-Z",
            rule: "outOfScope")
        #expect(try county.show("T-X").found == false)

        // Hutubi acknowledges and answers.
        try await county.accepted(
            ClueTransferAck(transferId: "T-1", registeredAs: "呼检公线〔2024〕45号", at: Self.now), from: Self.hutubi,
            to: [Self.manas], subject: "T-1")
        try await county.refused(
            ClueTransferFeedback(transferId: "T-1", outcome: .filed, summary: "—", at: Self.now), from: Self.shawan,
            to: [Self.manas], subject: "T-1", rule: "replyFromWrongAgency")
        try await county.accepted(
            ClueTransferFeedback(transferId: "T-1", outcome: .filed, caseId: "HTJ-2024-45", summary: "已立案并发出诉前检察建议", at: Self.now),
            from: Self.hutubi, to: [Self.manas], subject: "T-1")
        #expect(try county.state("T-1") == "closed")

        // Shawan transfers another; Hutubi does not acknowledge within 7 days: urged (督办).
        try await county.accepted(Self.transfer("T-2"), from: Self.shawan, to: [Self.hutubi], subject: "T-2")
        try county.clock("2024-06-13")
        #expect(try await county.waitForNotice(Self.hutubi, subject: "T-2", .overdue) != nil)
        #expect(try await county.waitForNotice(Self.shawan, subject: "T-2", .overdue) != nil)
        #expect(try county.due().agenda.contains { $0.subjectId == "T-2" })

        // Entrusted evidence and shared information, only among parties.
        try await county.accepted(
            AssistanceRequest(requestId: "A-1", agreementId: Self.agreementId, caseId: "HTJ-2024-45", tasks: ["调取沿线监控"],
                              dueBy: CalendarDate(rawValue: "2024-06-28")!, at: Self.now),
            from: Self.hutubi, to: [Self.manas], subject: "A-1")
        try await county.accepted(
            AssistanceResult(requestId: "A-1", summary: "已调取监控录像3段", at: Self.now), from: Self.manas, to: [Self.hutubi],
            subject: "A-1")
        #expect(try county.state("A-1") == "answered")
        let share = InformationShare(
            shareId: "I-1", agreementId: Self.agreementId, domain: .ecologyAndResources, title: "沿线污染源台账",
            content: "共排查点位12处", at: Self.now)
        try await county.accepted(share, from: Self.shawan, to: [Self.hutubi, Self.manas], subject: "I-1")
        try await county.refused(share, from: Self.shawan, to: [Self.qitai], subject: "I-1", rule: "notAParty")

        // Suspended: the next transfer is refused; resumed: allowed again.
        try await county.accepted(
            AgreementStatusChange(agreementId: Self.agreementId, action: .suspend, reason: "机构改革调整", at: Self.now),
            from: Self.hutubi, to: others(Self.hutubi), subject: Self.agreementId)
        try await county.refused(Self.transfer("T-3"), from: Self.manas, to: [Self.hutubi], subject: "T-3", rule: "agreementNotActive")
        try await county.accepted(
            AgreementStatusChange(agreementId: Self.agreementId, action: .resume, reason: "调整完成", at: Self.now),
            from: Self.hutubi, to: others(Self.hutubi), subject: Self.agreementId)
        try await county.accepted(Self.transfer("T-3"), from: Self.manas, to: [Self.hutubi], subject: "T-3")
        #expect(try county.agreement(Self.agreementId)?.transfers == ["T-1", "T-2", "T-3"])
    }
}
