import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct AssistanceProcessTests {
    typealias Fixture = AssistanceFixture

    /// The due day is after today: today or earlier is refused; the deadline runs to it, owed by the
    /// asked party and supervised by the requester.
    @Test func theDueDayIsAfterToday() throws {
        let today = day("2024-06-14")
        for due in ["2024-06-13", "2024-06-14"] {
            let refused = refusal(Fixture.unrequested) {
                try $0.received(.request(from: Fixture.from, to: Fixture.to, dueBy: day(due)), at: today, by: Fixture.requester)
            }
            #expect(refused?.rule == .invalidArgument && refused?.message.contains("not after \(today)") == true, "due \(due)")
        }
        var request = Fixture.unrequested
        let requested = try request.received(
            .request(from: Fixture.from, to: Fixture.to, dueBy: day("2024-06-15")), at: today, by: Fixture.requester)
        #expect(requested.to == .requested && request.from == Fixture.from && request.to == Fixture.to)
        let deadline = try #require(requested.effects.startedTimers.first)
        #expect(requested.effects.count == 1)
        #expect(deadline.kind == .assistance && deadline.due == day("2024-06-15"))
        #expect(deadline.obligated == .agency(Fixture.to) && deadline.supervisor == .agency(Fixture.from))
        // A request is made once.
        let again = refusal(request) { try $0.received(Fixture.request, at: today, by: Fixture.requester) }
        #expect(again?.rule == .alreadyDone)
        #expect(try roundTrip(request) == request)
    }

    /// 调查取证结果 only from the procuratorate asked; the answer stops the deadline, late or not.
    @Test func onlyTheAskedPartyAnswers() throws {
        var request = try Fixture.process(in: .requested)
        for actor in [Fixture.requester, AgreementFixture.party(AgreementFixture.outsider)] {
            let refused = refusal(request) { try $0.received(.answer, at: Fixture.date, by: actor) }
            #expect(refused?.rule == .replyFromWrongAgency && refused?.message.contains("asked of \(Fixture.to)") == true)
        }
        #expect(refusal(request) { try $0.received(.answer, at: Fixture.date, by: .agency(Fixture.to)) }?.rule == .wrongParty)
        _ = try request.received(.timerExpired(.assistance), at: day("2024-06-29"), by: .coordinator)
        #expect(request.state == .requested && request.timers.overdue[.assistance]?.due == Fixture.dueBy)
        let answered = try request.received(.answer, at: day("2024-07-02"), by: Fixture.asked)
        #expect(answered.to == .answered && answered.effects == [.cancelTimer(.assistance)])
        #expect(request.timers.overdue.isEmpty && request.timers.running.isEmpty)
        #expect(refusal(request) { try $0.received(.answer, at: Fixture.date, by: Fixture.asked) }?.rule == .outOfOrder)
    }
}
