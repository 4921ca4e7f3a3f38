import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct HearingProcessTests {
    typealias Fixture = HearingFixture
    typealias Opinion = HearingRecord.Opinion

    static let chief = Fixture.chief
    static let today = Fixture.date

    func announce(_ startsOn: String, _ officers: [Person] = Fixture.officers, rules: ProtocolRules = rules2024) -> ProtocolViolation? {
        refusal(Fixture.proposed) {
            try $0.received(.announce(startsOn: day(startsOn), officers: officers), at: Self.today, by: Self.chief, rules: rules)
        }
    }

    /// 听证公告 at least `deadlines.hearingNoticeDays` (3) calendar days ahead: 2 days is too late, 3 is
    /// in time; the notice goes to the congress, whose deputies serve as officers.
    @Test func theNoticeGoesAtLeastThreeDaysAhead() throws {
        #expect(rules2024.deadlines.hearingNoticeDays == 3)
        for late in ["2024-10-14", "2024-10-15", "2024-10-16"] {
            let refused = announce(late)
            #expect(refused?.rule == .invalidArgument, "\(late)")
            #expect(refused?.message.contains("at least 3 days ahead (2024-10-17 or later)") == true, "\(late)")
        }
        var hearing = Fixture.proposed
        let prepared = try hearing.received(
            .announce(startsOn: day("2024-10-17"), officers: Fixture.officers), at: Self.today, by: Self.chief, rules: rules2024)
        #expect(prepared.to == .prepared && hearing.startsOn == day("2024-10-17") && hearing.officers == Fixture.officers)
        #expect(prepared.effects == [.notify(.congress, "听证公告: TZ-2024-07 on 2024-10-17, 3 deputies as hearing officers")])

        // Calendar days: the National Day holidays count.
        var holiday = Fixture.proposed
        _ = try holiday.received(
            .announce(startsOn: day("2024-10-03"), officers: Fixture.officers), at: day("2024-09-30"), by: Self.chief, rules: rules2024)
        #expect(holiday.state == .prepared)
    }

    /// The notice period is a parameter.
    @Test func theNoticePeriodIsAParameter() throws {
        var rules = rules2024
        rules.deadlines.hearingNoticeDays = 5
        #expect(announce("2024-10-18", rules: rules)?.rule == .invalidArgument)
        #expect(announce("2024-10-18", rules: rules)?.message.contains("at least 5 days") == true)
        var hearing = Fixture.proposed
        let prepared = try hearing.received(
            .announce(startsOn: day("2024-10-19"), officers: Fixture.officers), at: Self.today, by: Self.chief, rules: rules)
        #expect(prepared.to == .prepared)
    }

    /// 听证员: at least one, each named once by personId.
    @Test func officersAreNamedOnceByPersonId() throws {
        let cases: [(String, [Person])] = [
            ("none", []),
            ("one without personId", Fixture.officers + [Person(name: "王志强")]),
            ("the same person twice", Fixture.officers + [Fixture.officers[0]]),
            ("two people under one personId", [Person(name: "李建华", personId: "D-023"), Person(name: "李建国", personId: "D-023")]),
        ]
        for (label, officers) in cases {
            let refused = announce("2024-10-17", officers)
            #expect(refused?.rule == .invalidArgument && refused?.message.contains("each named once by personId") == true, "\(label)")
        }
        var hearing = Fixture.proposed
        let one = [Person(name: "李建华", personId: "D-023")]
        _ = try hearing.received(.announce(startsOn: day("2024-10-17"), officers: one), at: Self.today, by: Self.chief)
        #expect(hearing.officers == one)
    }

    /// 听证员意见 only from the hearing's officers (by personId); not every officer must give one.
    @Test func opinionsOnlyFromTheHearingsOfficers() throws {
        let convened = try Fixture.process(in: .convened)
        let stranger = Opinion(officer: Person(name: "赵丽", personId: "D-099"), opinion: "同意")
        let refused = refusal(convened) {
            try $0.received(.recordOpinions(Fixture.opinions + [stranger]), at: Fixture.startsOn, by: Self.chief)
        }
        #expect(refused?.rule == .invalidArgument && refused?.message.contains("赵丽 gave an opinion in TZ-2024-07") == true)
        // Named like an officer but without the officer's personId.
        let unnamed = Opinion(officer: Person(name: "李建华"), opinion: "同意")
        #expect(refusal(convened) { try $0.received(.recordOpinions([unnamed]), at: Fixture.startsOn, by: Self.chief) }?.rule == .invalidArgument)
        // The right personId under another spelling of the name is the officer.
        var hearing = convened
        let two = [Opinion(officer: Person(name: "李 建华", personId: "D-023"), opinion: "同意"), Fixture.opinions[2]]
        let recorded = try hearing.received(.recordOpinions(two), at: Fixture.startsOn, by: Self.chief)
        #expect(recorded.to == .opinions && recorded.effects.isEmpty && hearing.opinions == two)
    }

    @Test func theNormalPathRecordsEachStep() throws {
        let closed = try Fixture.process(in: .closed)
        #expect(closed.hearingId == Fixture.hearingId && closed.caseId == Fixture.caseId)
        #expect(closed.startsOn == Fixture.startsOn && closed.officers == Fixture.officers && closed.opinions == Fixture.opinions)
        #expect(try roundTrip(closed) == closed)
        var hearing = try Fixture.process(in: .prepared)
        for (event, state) in [(HearingProcess.Event.convene, HearingProcess.State.convened), (.recordOpinions(Fixture.opinions), .opinions), (.close, .closed)] {
            let transition = try hearing.received(event, at: Fixture.startsOn, by: Self.chief)
            #expect(transition.to == state && transition.effects.isEmpty)
        }
        #expect(hearing == closed)
    }

    /// The notice period means nothing if the hearing may be held before the day announced.
    @Test func aHearingIsNotHeldBeforeTheDayAnnounced() throws {
        let prepared = try Fixture.process(in: .prepared)
        let early = refusal(prepared) { try $0.received(.convene, at: day("2024-10-15"), by: Self.chief) }
        #expect(early?.rule == .outOfOrder)
    }
}
