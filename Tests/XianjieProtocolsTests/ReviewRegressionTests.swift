import Foundation
import Testing
import XianjieMessages

@testable import XianjieProtocols

/// Holes a review found in the cooperation and escalation rules, each closed; a test per hole.
@Suite struct ReviewRegressionTests {
    typealias A = AgreementFixture
    typealias E = EvaluationFixture
    let rules = ProtocolRules()

    func admit<P: MessagePayload>(
        _ book: inout WorkflowBook, _ payload: P, from sender: AgencyID, kind: String = "procuratorate", to recipients: [AgencyID]
    ) throws(ProtocolViolation) {
        _ = try book.admit(
            type: P.messageType, data: try! XianjieJSON.encode(payload), sender: sender, senderKind: kind, on: A.date,
            recipients: recipients)
    }

    /// A count near Int.max used to overflow the sum of votes and crash the coordinator on every restart.
    @Test func anAbsurdTallyIsRefusedNotSummed() throws {
        var ballot = E.scheduled
        let huge = Event.announce(
            membersPresent: 26, observers: 0, tallies: [E.tally(E.housing, Int.max, 0, 1), E.tally(E.ecology, 26, 0, 0)])
        #expect(throws: ProtocolViolation.self) { _ = try ballot.received(huge, at: E.date, by: .congress, rules: rules) }
        #expect(ballot.state == .scheduled)
    }
    typealias Event = EvaluationProcess.Event

    /// Every agreement document reaches every other party, or the parties' coordinators drift apart.
    @Test func agreementDocumentsGoToEveryOtherParty() throws {
        var book = WorkflowBook(rules: rules)
        let others = { (me: AgencyID) in A.parties.filter { $0 != me } }
        do {
            try admit(&book, A.v1, from: A.hutubi, to: [A.manas])
            Issue.record("a draft to one of two other parties was accepted")
        } catch {
            #expect(error.rule == .invalidArgument)
        }
        try admit(&book, A.v1, from: A.hutubi, to: others(A.hutubi))
        let signature = AgreementSignature(agreementId: A.agreementId, version: 1, signedBy: Person(name: "检察长"), signedAt: A.draftedAt)
        do {
            try admit(&book, signature, from: A.shawan, to: [A.manas])
            Issue.record("a signature to one of two other parties was accepted")
        } catch {
            #expect(error.rule == .invalidArgument)
        }
        try admit(&book, signature, from: A.shawan, to: others(A.shawan))
        #expect(book[A.agreementId]?.process.stateName == "negotiating")
    }

    /// A party named only in an amendment being signed may sign it, not suspend the agreement in force.
    @Test func anAmendmentOnlyPartyCannotSuspend() throws {
        var agreement = AgreementProcess(terms: A.v1)
        for party in A.parties { _ = try agreement.received(.sign(version: 1), at: A.date, by: A.party(party), rules: rules) }
        let newcomer: AgencyID = "changji.procuratorate"
        _ = try agreement.received(.amend(A.terms(version: 2, parties: A.parties + [newcomer])), at: A.date, by: A.party(A.hutubi), rules: rules)
        #expect(throws: ProtocolViolation.self) {
            _ = try agreement.received(.suspend(reason: "—"), at: A.date, by: A.party(newcomer), rules: rules)
        }
        _ = try agreement.received(.sign(version: 2), at: A.date, by: A.party(newcomer), rules: rules)
    }
}
