import Foundation
import Testing
import XianjieMessages

@testable import XianjieProtocols

extension Array where Element == UInt8 {
    var data: Data { Data(self) }
}

@Suite struct ConfigurationTests {
    @Test func deadlineDefaultsFollowDomainMD() {
        let d = DeadlineParameters()
        #expect(d.assignSuggestion == .workingDays(5))
        #expect(d.suggestionReply == .months(3))
        #expect(d.suggestionReplyExtended == .months(6))
        #expect(d.deputyFeedback == .workingDays(20))
        #expect(d.rehandlingReply == .months(1))
        #expect(d.procuratorialReply == .months(2))
        #expect(d.procuratorialReplyUrgent == .days(15))
        #expect(d.fileWithSuperior == .days(5))
        #expect(d.copyToCongress == .days(10))
        #expect(d.reminderLead == .workingDays(5))
    }

    @Test func missingDeadlineKeysTakeTheDefaults() throws {
        let json = #"{"procuratorialReplyUrgent":{"value":10,"unit":"workingDays"}}"#
        let d = try XianjieJSON.decode(DeadlineParameters.self, from: Array(json.utf8).data)
        #expect(d.procuratorialReplyUrgent == .workingDays(10))
        #expect(d.procuratorialReply == .months(2))
        #expect(try roundTrip(d) == d)
        let rules = try XianjieJSON.decode(ProtocolRules.self, from: Array(#"{}"#.utf8).data)
        #expect(rules == ProtocolRules())
        #expect(try roundTrip(rules2024) == rules2024)
    }

    @Test func scopeNeedsDomainAndBothFlags() {
        let scope = ScopeScreening()
        let both = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true)
        #expect(scope.screen(domain: .ecologyAndResources, impact: both) == .inScope)
        #expect(scope.screen(domain: .heroesAndMartyrs, impact: both) == .inScope)
        guard case .outOfScope(let reason) = scope.screen(domain: .culturalRelics, impact: both) else {
            Issue.record("cultural relics is not in the default list")
            return
        }
        #expect(reason.contains("culturalRelics"))
        let noHarm = ImpactFlags(harmsPublicInterest: false, wideSocialImpact: true)
        let noImpact = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: false)
        #expect(scope.screen(domain: .workSafety, impact: noHarm) != .inScope)
        #expect(scope.screen(domain: .workSafety, impact: noImpact) != .inScope)
        #expect(scope.screen(domain: .workSafety, impact: nil) != .inScope)
        #expect(scope.screen(domain: nil, impact: both) != .inScope)
        let widened = ScopeScreening(domains: [.culturalRelics])
        #expect(widened.screen(domain: .culturalRelics, impact: both) == .inScope)
        #expect(widened.screen(domain: .ecologyAndResources, impact: both) != .inScope)
    }

    @Test func scopeConfigurationDecodes() throws {
        let json = #"{"domains":["antiFraud","accessibility"]}"#
        let scope = try XianjieJSON.decode(ScopeScreening.self, from: Array(json.utf8).data)
        #expect(scope.domains == [.antiFraud, .accessibility])
        #expect(try roundTrip(scope) == scope)
    }

    @Test func violationsNameTheirRule() {
        let violation = ProtocolViolation.outOfOrder("reply", in: "registered", subject: "S-1")
        #expect(violation.rule == .outOfOrder)
        #expect(violation.description.contains("transition out of order: reply in state registered"))
        #expect(ProtocolViolation.Rule.ratingBeforeReply != .outOfOrder)
    }
}
