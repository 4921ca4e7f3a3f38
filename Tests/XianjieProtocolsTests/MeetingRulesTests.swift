import Foundation
import Testing
import XianjieMessages

@testable import XianjieProtocols

/// The joint meeting's quorum rule (DOMAIN.md §4 D): a principal of the congress side and one of the
/// procuratorate side; a plenary also needs the group leader or a delegated deputy leader. A parameter.
@Suite struct MeetingRulesTests {
    typealias Fixture = JointMeetingFixture
    typealias Role = MeetingAttendance.Role

    static let rules = MeetingRules()

    static func congress(_ role: Role) -> MeetingAttendance.Attendee {
        Fixture.attendee("李", Fixture.congress, .congress, role)
    }
    static func procuratorate(_ role: Role) -> MeetingAttendance.Attendee {
        Fixture.attendee("张", Fixture.procuratorate, .procuratorate, role)
    }
    static let member = Fixture.attendee("王", Fixture.water, .agency, .member)

    static let nonPlenary = MeetingKind.allCases.filter { $0 != .periodicJoint }

    @Test func byDefaultOnlyThePeriodicJointMeetingIsPlenary() {
        #expect(Self.rules.plenaryKinds == [.periodicJoint])
        #expect(Self.rules.principalFromEachSide)
    }

    /// A principal of each side is a quorum for any meeting that is not a plenary.
    @Test(arguments: nonPlenary)
    func aPrincipalOfEachSideIsAQuorum(_ kind: MeetingKind) {
        #expect(Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.principal), Self.procuratorate(.principal)]) == nil)
        #expect(
            Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.principal), Self.member, Self.procuratorate(.principal)])
                == nil)
    }

    /// Whichever side lacks a principal is named; members, and leaders of another side, do not count.
    @Test(arguments: MeetingKind.allCases)
    func eachSideNeedsItsPrincipal(_ kind: MeetingKind) {
        let noCongress = "no principal of the congress side attended"
        let noProcuratorate = "no principal of the procuratorate side attended"
        #expect(Self.rules.quorumProblem(kind: kind, attendees: []) == noCongress)
        #expect(Self.rules.quorumProblem(kind: kind, attendees: [Self.procuratorate(.principal)]) == noCongress)
        #expect(
            Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.member), Self.procuratorate(.groupLeader)]) == noCongress)
        #expect(Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.groupLeader)]) == noProcuratorate)
        #expect(
            Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.principal), Self.procuratorate(.member), Self.member])
                == noProcuratorate)
        // An agency's principal speaks for neither side.
        let agencyHead = Fixture.attendee("王", Fixture.water, .agency, .principal)
        #expect(Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.principal), agencyHead]) == noProcuratorate)
    }

    /// The group leader or a delegated deputy leader present for a side counts as its principal.
    @Test(arguments: [Role.groupLeader, .deputyLeader])
    func aLeaderCountsAsItsSidesPrincipal(_ leader: Role) {
        for kind in MeetingKind.allCases {
            #expect(Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(leader), Self.procuratorate(.principal)]) == nil)
            #expect(Self.rules.quorumProblem(kind: kind, attendees: [Self.congress(.principal), Self.procuratorate(leader)]) == nil)
        }
    }

    @Test func aPlenaryNeedsTheGroupLeaderOrADelegatedDeputyLeader() {
        let principals = [Self.congress(.principal), Self.procuratorate(.principal), Self.member]
        #expect(
            Self.rules.quorumProblem(kind: .periodicJoint, attendees: principals)
                == "a plenary needs the group leader or a delegated deputy leader")
        // The leader may sit for any side, the party committee's included.
        for leader in [Role.groupLeader, .deputyLeader] {
            let chair = Fixture.attendee("组长", "hutubi.party", .other, leader)
            #expect(Self.rules.quorumProblem(kind: .periodicJoint, attendees: principals + [chair]) == nil)
        }
    }

    @Test func thePlenaryKindsAreConfigurable() {
        let rules = MeetingRules(plenaryKinds: [.topic, .assignment])
        let principals = [Self.congress(.principal), Self.procuratorate(.principal)]
        #expect(rules.quorumProblem(kind: .periodicJoint, attendees: principals) == nil)
        #expect(rules.quorumProblem(kind: .topic, attendees: principals) != nil)
        #expect(rules.quorumProblem(kind: .assignment, attendees: principals) != nil)
        #expect(rules.quorumProblem(kind: .weeklyOffice, attendees: principals) == nil)
        #expect(MeetingRules(plenaryKinds: []).quorumProblem(kind: .periodicJoint, attendees: principals) == nil)
    }

    @Test func thePrincipalOfEachSideIsConfigurable() {
        let rules = MeetingRules(principalFromEachSide: false)
        #expect(rules.quorumProblem(kind: .weeklyOffice, attendees: [Self.member]) == nil)
        #expect(rules.quorumProblem(kind: .periodicJoint, attendees: [Self.congress(.principal)]) != nil)
        #expect(rules.quorumProblem(kind: .periodicJoint, attendees: [Self.congress(.deputyLeader)]) == nil)
    }

    /// `workflow.meetings` in the configuration: absent keys take the defaults.
    @Test func theRuleDecodesWithDefaultsAndRoundTrips() throws {
        #expect(try XianjieJSON.decode(MeetingRules.self, from: Data("{}".utf8)) == MeetingRules())
        let custom = try XianjieJSON.decode(
            MeetingRules.self, from: Data(#"{"plenaryKinds": ["topic", "periodicJoint"], "principalFromEachSide": false}"#.utf8))
        #expect(custom == MeetingRules(plenaryKinds: [.topic, .periodicJoint], principalFromEachSide: false))
        #expect(try roundTrip(custom) == custom)
        let protocolRules = try XianjieJSON.decode(ProtocolRules.self, from: Data(#"{"meetings": {"plenaryKinds": []}}"#.utf8))
        #expect(protocolRules.meetings == MeetingRules(plenaryKinds: []))
        #expect(try XianjieJSON.decode(ProtocolRules.self, from: Data("{}".utf8)).meetings == MeetingRules())
    }

    /// The meeting judges its attendance by the rules it is given.
    @Test func theMeetingAppliesTheConfiguredRule() throws {
        let frozen = try Fixture.process(in: .agendaFrozen)
        let principals = [Self.congress(.principal), Self.procuratorate(.principal)]
        var strict = frozen
        _ = try strict.received(.convene(principals), at: Fixture.date, by: .congress, rules: rules2024)
        #expect(strict.quorum == false)
        #expect(strict.quorumProblem == "a plenary needs the group leader or a delegated deputy leader")
        var relaxed = frozen
        var rules = rules2024
        rules.meetings = MeetingRules(plenaryKinds: [])
        _ = try relaxed.received(.convene(principals), at: Fixture.date, by: .congress, rules: rules)
        #expect(relaxed.quorum == true && relaxed.quorumProblem == nil)
    }
}
