import Foundation
import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct EscalationRulesTests {
    /// The defaults of the spec: 3 proposers (监督法, county level), 25 members, half, 30 days.
    @Test func defaults() {
        let rules = ProtocolRules().escalation
        #expect(rules.interpellationMinimumProposers == 3)
        #expect(rules.standingCommitteeSize == 25)
        #expect(rules.evaluationFollowUpShare == 0.5)
        #expect(rules.reanswerDays == 30)
    }

    /// Missing keys take the defaults, in the rules' own block and in the whole configuration.
    @Test func missingKeysTakeTheDefaults() throws {
        let json = #"{"escalation":{"standingCommitteeSize":31,"evaluationFollowUpShare":0.3}}"#
        let rules = try XianjieJSON.decode(ProtocolRules.self, from: Data(json.utf8))
        #expect(rules.escalation == EscalationRules(standingCommitteeSize: 31, evaluationFollowUpShare: 0.3))
        #expect(rules.meetings == MeetingRules())
        #expect(try roundTrip(rules) == rules)
        #expect(try XianjieJSON.decode(EscalationRules.self, from: Data("{}".utf8)) == EscalationRules())
    }
}
