import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct ClueTransferProcessTests {
    typealias Fixture = ClueTransferFixture

    static let from = ProtocolActor.agency(Fixture.from)
    static let to = ProtocolActor.agency(Fixture.to)

    /// 签收 and 反馈 run for the agreement's days (calendar days, holidays included), owed by the
    /// receiver and supervised by the sender; each is stopped when met.
    @Test func acknowledgementAndFeedbackDeadlinesComeFromTheAgreementsDays() throws {
        var transfer = Fixture.unsent
        let sent = try transfer.received(Fixture.send, at: day("2024-06-14"), by: Fixture.sender)
        #expect(sent.to == .sent && transfer.from == Fixture.from && transfer.to == Fixture.to && transfer.feedbackWithinDays == 30)
        #expect(sent.effects.notified.first == Self.to)
        let acknowledgement = try #require(sent.effects.startedTimers.first)
        #expect(sent.effects.startedTimers.count == 1)
        #expect(acknowledgement.kind == .clueAcknowledgement && acknowledgement.due == day("2024-06-21"))
        #expect(acknowledgement.obligated == Self.to && acknowledgement.supervisor == Self.from)
        #expect(transfer.timers.deadline(.clueAcknowledgement) == acknowledgement)

        let acknowledged = try transfer.received(.acknowledge(registeredAs: "呼检公线〔2024〕12号"), at: day("2024-06-18"), by: Fixture.receiver)
        #expect(acknowledged.to == .acknowledged && transfer.registeredAs == "呼检公线〔2024〕12号")
        #expect(acknowledged.effects.cancelledTimers == [.clueAcknowledgement])
        let feedback = try #require(acknowledged.effects.startedTimers.first)
        #expect(feedback.kind == .clueFeedback && feedback.due == day("2024-07-18"))
        #expect(feedback.obligated == Self.to && feedback.supervisor == Self.from)
        #expect(!transfer.timers.isRunning(.clueAcknowledgement) && transfer.timers.isRunning(.clueFeedback))

        let closed = try transfer.received(.feedback(.filed), at: day("2024-07-10"), by: Fixture.receiver)
        #expect(closed.to == .closed && transfer.outcome == .filed)
        #expect(closed.effects.cancelledTimers == [.clueFeedback] && closed.effects.notified == [Self.from])
        #expect(transfer.timers.running.isEmpty && transfer.timers.overdue.isEmpty)
        #expect(try roundTrip(transfer) == transfer)
    }

    /// Another agreement's days, across the National Day holidays: calendar days count them.
    @Test func theDaysAreTheAgreementsAndCountHolidays() throws {
        var transfer = Fixture.unsent
        let days = AgreementFixture.v2.acknowledgeWithinDays
        let sent = try transfer.received(
            .send(from: Fixture.from, to: Fixture.to, acknowledgeWithinDays: days, feedbackWithinDays: 10), at: day("2024-09-28"),
            by: Fixture.sender, rules: rules2024)
        #expect(sent.effects.startedTimers.first?.due == day("2024-10-03"))
        let acknowledged = try transfer.received(.acknowledge(registeredAs: nil), at: day("2024-09-30"), by: Fixture.receiver, rules: rules2024)
        #expect(acknowledged.effects.startedTimers.first?.due == day("2024-10-10"))
    }

    /// Only the receiver acknowledges and answers: the sender, another procuratorate, or a procuratorate
    /// not naming its node are refused as the wrong agency; an agency node is not a procuratorate at all.
    @Test func onlyTheReceiverAcknowledgesAndAnswers() throws {
        let sent = try Fixture.process(in: .sent)
        let acknowledged = try Fixture.process(in: .acknowledged)
        for actor in [Fixture.sender, AgreementFixture.party(AgreementFixture.outsider), ProtocolActor.procuratorate] {
            let ack = refusal(sent) { try $0.received(.acknowledge(registeredAs: nil), at: Fixture.date, by: actor) }
            #expect(ack?.rule == .replyFromWrongAgency && ack?.message.contains("transferred to \(Fixture.to)") == true)
            let answer = refusal(acknowledged) { try $0.received(.feedback(.handled), at: Fixture.date, by: actor) }
            #expect(answer?.rule == .replyFromWrongAgency)
        }
        #expect(refusal(sent) { try $0.received(.acknowledge(registeredAs: nil), at: Fixture.date, by: Self.to) }?.rule == .wrongParty)
        // Feedback comes after the acknowledgement.
        #expect(refusal(sent) { try $0.received(.feedback(.handled), at: Fixture.date, by: Fixture.receiver) }?.rule == .outOfOrder)
    }

    /// 管辖异议: either side raises it with its grounds, and it stops the running (or overdue) deadline.
    @Test func aDisputeStopsTheTimers() throws {
        var sent = try Fixture.process(in: .sent)
        _ = try sent.received(.timerExpired(.clueAcknowledgement), at: day("2024-06-22"), by: .coordinator)
        #expect(sent.timers.overdue[.clueAcknowledgement] != nil)
        let fromSent = try sent.received(Fixture.raise, at: day("2024-06-24"), by: Fixture.receiver)
        #expect(fromSent.to == .disputed && fromSent.effects == [.cancelTimer(.clueAcknowledgement)])
        #expect(sent.timers.running.isEmpty && sent.timers.overdue.isEmpty)

        var acknowledged = try Fixture.process(in: .acknowledged)
        let grounds = refusal(acknowledged) {
            try $0.received(.dispute(.raised, reason: " ", commonSuperior: nil), at: Fixture.date, by: Fixture.sender)
        }
        #expect(grounds?.rule == .explanationRequired && grounds?.message.contains("grounds") == true)
        let outsider = refusal(acknowledged) { try $0.received(Fixture.raise, at: Fixture.date, by: AgreementFixture.party(AgreementFixture.outsider)) }
        #expect(outsider?.rule == .notAParty)
        // The sender may raise it too.
        let fromAcknowledged = try acknowledged.received(Fixture.raise, at: Fixture.date, by: Fixture.sender)
        #expect(fromAcknowledged.to == .disputed && fromAcknowledged.effects == [.cancelTimer(.clueFeedback)])
        #expect(acknowledged.timers.running.isEmpty)
        #expect(refusal(acknowledged) { try $0.received(Fixture.raise, at: Fixture.date, by: Fixture.receiver) }?.rule == .outOfOrder)
        for kind in [TimerKind.clueAcknowledgement, .clueFeedback] {
            let stale = refusal(acknowledged) { try $0.received(.timerExpired(kind), at: day("2024-08-01"), by: .coordinator) }
            #expect(stale?.rule == .timerNotRunning)
        }
    }

    /// 协商解决: the receiver keeps the clue and owes its feedback within the agreement's days again,
    /// counted from the settlement.
    @Test func aNegotiatedDisputeStartsTheFeedbackDeadlineAgain() throws {
        var transfer = try Fixture.process(in: .disputed)
        let settled = try transfer.received(
            .dispute(.negotiated, reason: "协商由呼图壁办理", commonSuperior: nil), at: day("2024-06-20"), by: Fixture.receiver)
        #expect(settled.to == .acknowledged)
        let feedback = try #require(settled.effects.startedTimers.first)
        #expect(settled.effects.count == 1)
        #expect(feedback.kind == .clueFeedback && feedback.due == day("2024-07-20") && feedback.obligated == Self.to)
        #expect(!transfer.timers.isRunning(.clueAcknowledgement))
        let closed = try transfer.received(.feedback(.handled), at: day("2024-07-01"), by: Fixture.receiver)
        #expect(closed.to == .closed && closed.effects.cancelledTimers == [.clueFeedback])
    }

    /// 报请共同上级指定管辖: the referral names the common superior, which is told; the transfer then
    /// waits for its decision outside this process, and nothing further moves it.
    @Test func aReferralNeedsTheCommonSuperior() throws {
        var transfer = try Fixture.process(in: .disputed)
        let unnamed = refusal(transfer) {
            try $0.received(.dispute(.referredToCommonSuperior, reason: "协商未果", commonSuperior: nil), at: Fixture.date, by: Fixture.sender)
        }
        #expect(unnamed?.rule == .invalidArgument && unnamed?.message.contains("common superior") == true)
        let referred = try transfer.received(Fixture.refer, at: Fixture.date, by: Fixture.receiver)
        #expect(referred.to == .referredToCommonSuperior && transfer.commonSuperior == Fixture.superior)
        #expect(referred.effects == [.notify(.agency(Fixture.superior), "管辖争议: \(Fixture.transferId) referred for decision")])
        #expect(transfer.timers.running.isEmpty)
        let later: [ClueTransferProcess.Event] = [
            .acknowledge(registeredAs: nil), .feedback(.filed), Fixture.raise,
            .dispute(.negotiated, reason: "r", commonSuperior: nil), Fixture.refer,
        ]
        for event in later {
            #expect(refusal(transfer) { try $0.received(event, at: Fixture.date, by: Fixture.receiver) }?.rule == .outOfOrder, "\(event.name)")
        }
    }
}
