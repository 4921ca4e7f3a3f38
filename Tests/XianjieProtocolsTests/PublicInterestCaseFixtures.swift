import XianjieMessages

@testable import XianjieProtocols

/// Drives a public-interest case to each state.
enum CaseFixture {
    typealias Event = PublicInterestCaseProcess.Event
    typealias State = PublicInterestCaseProcess.State
    static let brigade: AgencyID = "hutubi.forestry-brigade"
    static let date = day("2024-10-08")

    static let prefix: [Event] = [.register, .assess, .file, .startInvestigation(hearing: false)]
    static let issue = Event.issueSuggestion(
        documentNumber: "呼检行公建〔2024〕3号", addressee: brigade, urgent: false, approvedByChief: true)

    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        let p: (Event) -> (Event, ProtocolActor) = { ($0, .procuratorate) }
        let agency: (Event) -> (Event, ProtocolActor) = { ($0, .agency(brigade)) }
        let timer: (Event) -> (Event, ProtocolActor) = { ($0, .coordinator) }
        let issued = prefix.map(p) + [p(issue)]
        let awaiting = issued + [p(.deliver)]
        let replied = awaiting + [agency(.reply(.rectified))]
        let followUp = replied + [p(.beginFollowUp)]
        let notPerformed = followUp + [p(.followUpConcluded(performed: false))]
        let review = awaiting + [agency(.objection(reason: "outside our remit")), p(.beginReview)]
        switch state {
        case .received: return []
        case .registered: return [p(.register)]
        case .assessed: return [p(.register), p(.assess)]
        case .declined: return [p(.register), p(.assess), p(.decline(reason: "no public interest harmed"))]
        case .filed: return [p(.register), p(.assess), p(.file)]
        case .investigating: return prefix.map(p)
        case .terminated: return prefix.map(p) + [p(.terminate(reason: "harm ceased"))]
        case .suggestionIssued: return issued
        case .awaitingReply: return awaiting
        case .objectionRaised: return awaiting + [agency(.objection(reason: "outside our remit"))]
        case .underReview: return review
        case .suggestionWithdrawn: return review + [p(.reviewDecided(.withdrawn))]
        case .replyReceived: return replied
        case .replyOverdue: return awaiting + [timer(.timerExpired(.procuratorialReply))]
        case .followUpInvestigation: return followUp
        case .rectified: return followUp + [p(.followUpConcluded(performed: true))]
        case .closed: return followUp + [p(.followUpConcluded(performed: true)), p(.close)]
        case .lookBack: return followUp + [p(.followUpConcluded(performed: true)), p(.close), p(.lookBack(confirmed: true))]
        case .notPerformed: return notPerformed
        case .litigationReview: return notPerformed + [p(.beginLitigationReview)]
        case .sued: return notPerformed + [p(.beginLitigationReview), p(.sue(approvedByChief: true))]
        case .judgment: return notPerformed + [p(.beginLitigationReview), p(.sue(approvedByChief: true)), p(.judgment(summary: "ordered to perform"))]
        case .withdrawnOnCompliance:
            return notPerformed + [p(.beginLitigationReview), p(.sue(approvedByChief: true)), p(.withdrawOnCompliance)]
        }
    }

    static func process(in state: State) throws -> PublicInterestCaseProcess {
        var process = PublicInterestCaseProcess(caseId: "C-2024-05", originSuggestionId: "S-2024-017")
        for (event, actor) in steps(to: state) {
            _ = try process.received(event, at: date, by: actor, rules: rules2024)
        }
        return process
    }
}
