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

    static func process(in state: DeputySuggestionProcess.State) throws -> DeputySuggestionProcess {
        var process = DeputySuggestionProcess(subjectId: "S-2024-017")
        switch state {
        case .submitted: return process
        case .replyOverdue:
            process = try Self.process(in: .handling)
            _ = try process.received(.timerExpired(.suggestionReply), at: day("2025-01-09"), by: .coordinator, rules: rules2024)
            return process
        case .rehandling:
            process = try Self.process(in: .feedbackPending)
            _ = try process.received(.rate(.unsatisfied), at: day("2024-12-10"), by: .deputy("D-01"), rules: rules2024)
            return process
        default:
            for (event, actor, date, reached) in path {
                _ = try process.received(event, at: date, by: actor, rules: rules2024)
                if reached == state { return process }
            }
            return process
        }
    }

    /// One sample of every event, with its proper sender.
    static let samples: [(String, Event, ProtocolActor)] = [
        ("register", .register(session: .betweenSessions, domain: .ecologyAndResources, impact: inScope), .congress),
        ("assign", .assign(host: host, coUnits: [coUnit]), .congress),
        ("startHandling", .startHandling, .agency(host)),
        ("requestExtension", .requestExtension(explanation: "needs a budget line"), .agency(host)),
        ("reply", .reply, .agency(host)),
        ("requestFeedback", .requestFeedback, .congress),
        ("rate", .rate(.basicallySatisfied), .deputy("D-01")),
        ("transferToProcuratorate", .transferToProcuratorate, .congress),
        ("lookBack", .lookBack(findings: "held"), .congress),
        ("remindAssign", .reminderDue(.assignSuggestion), .coordinator),
        ("expireAssign", .timerExpired(.assignSuggestion), .coordinator),
        ("expireReply", .timerExpired(.suggestionReply), .coordinator),
        ("expireFeedback", .timerExpired(.deputyFeedback), .coordinator),
        ("expireRehandling", .timerExpired(.rehandlingReply), .coordinator),
    ]

    /// Which samples each state accepts.
    static let legal: [DeputySuggestionProcess.State: Set<String>] = [
        .submitted: ["register"],
        .registered: ["assign", "transferToProcuratorate", "remindAssign", "expireAssign"],
        .assigned: ["startHandling", "requestExtension", "reply", "transferToProcuratorate", "expireReply"],
        .handling: ["requestExtension", "reply", "transferToProcuratorate", "expireReply"],
        .replyOverdue: ["reply", "transferToProcuratorate"],
        .replied: ["requestFeedback", "rate", "transferToProcuratorate"],
        .feedbackPending: ["rate", "transferToProcuratorate", "expireFeedback"],
        .rehandling: ["reply", "transferToProcuratorate", "expireRehandling"],
        .closed: ["lookBack"],
        .lookBack: [],
    ]
}
