import Foundation
import XianjieMessages

@testable import XianjieProtocols

/// Drives a cross-region cooperation agreement (DOMAIN.md §4 E) to each state: the S101 agreement of
/// three procuratorates ([000], signed 2024-06-05), in force once all three signed version 1 (会签).
enum AgreementFixture {
    typealias Event = AgreementProcess.Event
    typealias State = AgreementProcess.State

    static let hutubi: AgencyID = "hutubi.procuratorate"
    static let manas: AgencyID = "manas.procuratorate"
    static let shawan: AgencyID = "shawan.procuratorate"
    /// A procuratorate that is no party of the agreement.
    static let outsider: AgencyID = "qitai.procuratorate"
    static let parties = [hutubi, manas, shawan]
    static let agreementId = "S101-2024"
    static let date = day("2024-06-05")
    static let draftedAt = Date(timeIntervalSince1970: 1_717_545_600)

    static let area = AgreementArea(kind: .road, name: "S101公路昌吉州段", segments: ["呼图壁段", "玛纳斯段", "沙湾段"])
    static let modules: [CooperationModule] = [.jurisdiction, .clueTransfer, .informationSharing, .entrustedEvidence, .jointMeetings]

    static func terms(
        version: Int = 1, parties: [AgencyID] = parties, area: AgreementArea = area,
        modules: [CooperationModule] = modules, acknowledgeWithinDays: Int = 7
    ) -> CooperationAgreement {
        CooperationAgreement(
            agreementId: agreementId, version: version, title: "S101公路沿线公益诉讼跨区域协作机制意见（试行）", parties: parties,
            area: area, domains: [.ecologyAndResources, .workSafety], modules: modules, trial: true,
            acknowledgeWithinDays: acknowledgeWithinDays, feedbackWithinDays: 30, draftedAt: draftedAt)
    }

    /// The draft every party signs.
    static let v1 = terms()
    /// The amendment: joint case handling added, acknowledgement within 5 days.
    static let v2 = terms(version: 2, modules: modules + [.jointCaseHandling], acknowledgeWithinDays: 5)

    /// A party acting for its node.
    static func party(_ agency: AgencyID) -> ProtocolActor { ProtocolActor(role: .procuratorate, agency: agency) }

    /// The steps, in order, from `draft`: `negotiating` has Hutubi's signature only; `amended` is the
    /// in-force agreement with Manas's version 2 proposed and nobody's signature on it yet.
    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        let signed = parties.map { (Event.sign(version: 1), party($0)) }
        switch state {
        case .draft: return []
        case .negotiating: return [signed[0]]
        case .active: return signed
        case .amended: return signed + [(.amend(v2), party(manas))]
        case .suspended: return signed + [(.suspend(reason: "道路改扩建, 暂停执行"), party(shawan))]
        case .terminated: return signed + [(.terminate(reason: "由州级协作机制取代"), party(hutubi))]
        }
    }

    static func process(in state: State) throws -> AgreementProcess {
        var agreement = AgreementProcess(terms: v1)
        for (event, actor) in steps(to: state) {
            _ = try agreement.received(event, at: date, by: actor, rules: rules2024)
        }
        return agreement
    }
}
