import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct JointMeetingProcessTests {
    typealias Fixture = JointMeetingFixture
    typealias Decision = JointMeetingMinutes.Decision

    static let date = day("2024-10-15")

    static func decision(_ id: String, due: String) -> Decision {
        Decision(decisionId: id, item: "整改", leadPerson: "王局长", responsibleUnit: Fixture.water, deadline: day(due))
    }

    @Test func theNormalPathRecordsEachStep() throws {
        let published = try Fixture.process(in: .decisionsPublished)
        #expect(published.convener == Fixture.congress)
        #expect(published.members == [Fixture.congress, Fixture.procuratorate, Fixture.water])
        #expect(published.motions == [Fixture.motion])
        #expect(published.agenda == Fixture.agenda)
        #expect(published.attendees == Fixture.quorate)
        #expect(published.quorum == true && published.quorumProblem == nil)
        #expect(published.summary == "会议纪要" && published.decisions == Fixture.decisions)
        #expect(published.cosignedBy == [.congress, .procuratorate])
        #expect(try roundTrip(published) == published)
    }

    @Test func aMeetingWithoutMembersIsNotAnnounced() throws {
        let planned = try Fixture.process(in: .planned)
        let refused = refusal(planned) {
            try $0.received(.announce(convener: Fixture.congress, members: []), at: Fixture.date, by: .coordinator)
        }
        #expect(refused?.rule == .invalidArgument)
    }

    /// 议题提议 only while the agenda is open, once per motion id.
    @Test func motionsWhileTheAgendaIsOpenOnly() throws {
        let m2 = JointMeetingProcess.Motion(motionId: "M-2", title: "窨井盖")
        let planned = try Fixture.process(in: .planned)
        let early = refusal(planned) { try $0.received(.motion(m2), at: Fixture.date, by: .station) }
        #expect(early?.rule == .outOfOrder && early?.message.contains("not open yet") == true)
        var open = try Fixture.process(in: .agendaOpen)
        let congress = ProtocolActor(role: .congress, agency: Fixture.congress)
        let again = refusal(open) { try $0.received(.motion(Fixture.motion), at: Fixture.date, by: congress) }
        #expect(again?.rule == .alreadyDone)
        // Only members move items: a station not invited is refused.
        let outsider = refusal(open) {
            try $0.received(.motion(m2), at: Fixture.date, by: ProtocolActor(role: .station, agency: "hutubi.station.a"))
        }
        #expect(outsider?.rule == .wrongParty)
        _ = try open.received(.motion(m2), at: Fixture.date, by: .agency(Fixture.water))
        #expect(open.motions.map(\.motionId) == ["M-1", "M-2"])
        let frozen = try Fixture.process(in: .agendaFrozen)
        let late = refusal(frozen) { try $0.received(.motion(m2), at: Fixture.date, by: .agency(Fixture.water)) }
        #expect(late?.rule == .outOfOrder && late?.message.contains("frozen") == true)
    }

    /// 没有法定人数不能作出交办决定: minutes with decisions are refused, minutes without are not.
    @Test func withoutQuorumTheMinutesMayNotDecide() throws {
        let convened = try Fixture.process(in: .convened, quorum: false)
        #expect(convened.quorum == false)
        #expect(convened.quorumProblem == "no principal of the congress side attended")
        let refused = refusal(convened) {
            try $0.received(.draftMinutes(summary: "纪要", decisions: Fixture.decisions), at: Self.date, by: .congress)
        }
        #expect(refused?.rule == .noQuorum)
        #expect(refused?.message.contains("no principal of the congress side attended") == true)

        var meeting = convened
        _ = try meeting.received(.draftMinutes(summary: "听取汇报", decisions: []), at: Self.date, by: .procuratorate)
        #expect(meeting.state == .minutesDrafted && meeting.decisions.isEmpty && meeting.summary == "听取汇报")
        _ = try meeting.received(.cosign(.procuratorate), at: Self.date, by: .procuratorate)
        _ = try meeting.received(.cosign(.congress), at: Self.date, by: .congress)
        let published = try meeting.received(.publish, at: Self.date, by: .coordinator)
        #expect(published.to == .decisionsPublished && published.effects.isEmpty)
    }

    @Test func decisionIdsAreUniqueAndDeadlinesLieAhead() throws {
        let convened = try Fixture.process(in: .convened)
        let draft = { (decisions: [Decision]) in JointMeetingProcess.Event.draftMinutes(summary: "纪要", decisions: decisions) }
        let twice = refusal(convened) {
            try $0.received(draft([Self.decision("D-1", due: "2024-12-01"), Self.decision("D-1", due: "2024-12-31")]), at: Self.date, by: .congress)
        }
        #expect(twice?.rule == .invalidArgument)
        let past = refusal(convened) {
            try $0.received(draft([Self.decision("D-1", due: "2024-12-01"), Self.decision("D-2", due: "2024-10-14")]), at: Self.date, by: .congress)
        }
        #expect(past?.rule == .invalidArgument && past?.message.contains("D-2") == true)
        let today = refusal(convened) {
            try $0.received(draft([Self.decision("D-1", due: "2024-10-15")]), at: Self.date, by: .congress)
        }
        #expect(today?.rule == .invalidArgument)
        var meeting = convened
        let tomorrow = try meeting.received(draft([Self.decision("D-1", due: "2024-10-16")]), at: Self.date, by: .congress)
        #expect(tomorrow.to == .minutesDrafted && tomorrow.effects.isEmpty)
    }

    /// 会签: either side first; the second side's signature completes the minutes.
    @Test(arguments: [(MeetingSide.congress, MeetingSide.procuratorate), (.procuratorate, .congress)])
    func bothSidesCosign(_ first: MeetingSide, _ second: MeetingSide) throws {
        func signer(_ side: MeetingSide) -> ProtocolActor { side == .congress ? .congress : .procuratorate }
        var meeting = try Fixture.process(in: .minutesDrafted)
        #expect(!meeting.completes(with: first))
        let one = try meeting.received(.cosign(first), at: Self.date, by: signer(first))
        #expect(one.to == .minutesDrafted && one.effects.isEmpty && meeting.cosignedBy == [first])
        #expect(!meeting.completes(with: first) && meeting.completes(with: second))
        let again = refusal(meeting) { try $0.received(.cosign(first), at: Self.date, by: signer(first)) }
        #expect(again?.rule == .alreadyDone)
        // Decisions are published only once both sides signed.
        #expect(refusal(meeting) { try $0.received(.publish, at: Self.date, by: .coordinator) }?.rule == .outOfOrder)
        let two = try meeting.received(.cosign(second), at: Self.date, by: signer(second))
        #expect(two.to == .minutesCosigned && two.effects.isEmpty && meeting.cosignedBy == [.congress, .procuratorate])
    }

    @Test(arguments: [MeetingSide.agency, .other])
    func onlyTheCongressAndProcuratorateSidesSign(_ side: MeetingSide) throws {
        let drafted = try Fixture.process(in: .minutesDrafted)
        for actor in [ProtocolActor.congress, .procuratorate, .coordinator, .agency(Fixture.water)] {
            let refused = refusal(drafted) { try $0.received(.cosign(side), at: Self.date, by: actor) }
            #expect(refused?.rule == .invalidArgument, "\(side) signed by \(actor)")
        }
    }

    /// Publication opens one assignment per decision, in the minutes' order, and nothing else.
    @Test func publishingStartsOneAssignmentPerDecision() throws {
        var meeting = try Fixture.process(in: .minutesCosigned)
        let published = try meeting.received(.publish, at: Self.date, by: .procuratorate)
        #expect(published.to == .decisionsPublished)
        #expect(
            published.effects
                == Fixture.decisions.map {
                    .startProcess(LinkedProcess(kind: .meetingAssignment, subjectId: $0.decisionId, originSubjectId: Fixture.meetingId))
                })
        #expect(refusal(meeting) { try $0.received(.publish, at: Self.date, by: .coordinator) }?.rule == .outOfOrder)
    }
}
