import XianjieMessages

@testable import XianjieProtocols

/// Drives a deputy suggestion to each state along the normal path.
enum SuggestionFixture {
    static let host: AgencyID = "hutubi.forestry"
    static let coUnit: AgencyID = "hutubi.ecology"
    static let inScope = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true)

    typealias Event = DeputySuggestionProcess.Event

    /// The steps, in order, from `submitted`; the state each step reaches.
    static let path: [(Event, ProtocolActor, CalendarDate, DeputySuggestionProcess.State)] = [
        (.register(session: .betweenSessions, domain: .ecologyAndResources, impact: inScope), .congress,
         day("2024-09-27"), .registered),
        (.assign(host: host, coUnits: [coUnit]), .congress, day("2024-10-08"), .assigned),
        (.startHandling, .agency(host), day("2024-10-09"), .handling),
        (.reply, .agency(host), day("2024-12-02"), .replied),
        (.requestFeedback, .congress, day("2024-12-03"), .feedbackPending),
        (.rate(.satisfied), .deputy("D-01"), day("2024-12-10"), .closed),
        (.lookBack(findings: "trees replanted"), .congress, day("2025-06-01"), .lookBack),
    ]

    /// A suggestion in `state`, reached along `path` (or by the reply timer's expiry, or an unsatisfied
    /// rating); `transferred` adds the parallel transfer to the procuratorate right after registration.
    static func process(
        in state: DeputySuggestionProcess.State, transferred: Bool = false
    ) throws -> DeputySuggestionProcess {
        var process = DeputySuggestionProcess(subjectId: "S-2024-017")
        switch state {
        case .submitted: return process
        case .replyOverdue:
            process = try Self.process(in: .handling, transferred: transferred)
            _ = try process.received(.timerExpired(.suggestionReply), at: day("2025-01-09"), by: .coordinator, rules: rules2024)
            return process
        case .rehandling:
            process = try Self.process(in: .feedbackPending, transferred: transferred)
            _ = try process.received(.rate(.unsatisfied), at: day("2024-12-10"), by: .deputy("D-01"), rules: rules2024)
            return process
        default:
            for (event, actor, date, reached) in path {
                _ = try process.received(event, at: date, by: actor, rules: rules2024)
                if transferred, reached == .registered {
                    _ = try process.received(.transferToProcuratorate, at: day("2024-09-30"), by: .congress, rules: rules2024)
                }
                if reached == state { return process }
            }
            return process
        }
    }
}
