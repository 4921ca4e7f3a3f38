import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct AgreementProcessTests {
    typealias Fixture = AgreementFixture

    static let date = day("2024-06-20")
    static let hutubi = Fixture.party(Fixture.hutubi)
    static let manas = Fixture.party(Fixture.manas)
    static let shawan = Fixture.party(Fixture.shawan)

    /// 会签: each party signs the version being signed, once; the last signature puts it in force and
    /// tells every party.
    @Test func everyPartySignsAndTheLastSignaturePutsItInForce() throws {
        var agreement = try Fixture.process(in: .draft)
        #expect(!agreement.inForce && agreement.signedBy.isEmpty)
        #expect(refusal(agreement) { try $0.received(.sign(version: 2), at: Self.date, by: Self.hutubi) }?.rule == .invalidArgument)
        #expect(
            refusal(agreement) { try $0.received(.sign(version: 1), at: Self.date, by: Fixture.party(Fixture.outsider)) }?.rule
                == .notAParty)

        let first = try agreement.received(.sign(version: 1), at: Self.date, by: Self.hutubi)
        #expect(first.to == .negotiating && first.effects.isEmpty && agreement.signedBy == [Fixture.hutubi])
        #expect(!agreement.inForce)
        let twice = refusal(agreement) { try $0.received(.sign(version: 1), at: Self.date, by: Self.hutubi) }
        #expect(twice?.rule == .alreadyDone && twice?.message.contains("already signed version 1") == true)

        let second = try agreement.received(.sign(version: 1), at: Self.date, by: Self.shawan)
        #expect(second.to == .negotiating && second.effects.isEmpty && !agreement.inForce)
        let last = try agreement.received(.sign(version: 1), at: Self.date, by: Self.manas)
        #expect(last.to == .active && agreement.inForce)
        #expect(agreement.terms == Fixture.v1 && agreement.pending == nil)
        #expect(agreement.signedBy == Set(Fixture.parties))
        #expect(last.effects.notified == Fixture.parties.map { .agency($0) })
        #expect(try roundTrip(agreement) == agreement)
        // In force: nobody signs version 1 again.
        #expect(refusal(agreement) { try $0.received(.sign(version: 1), at: Self.date, by: Self.hutubi) }?.rule == .outOfOrder)
    }

    /// A congress the agreement names signs like a procuratorate.
    @Test func aCongressNamedAsAPartySigns() throws {
        let congress: AgencyID = "manas.congress"
        var agreement = AgreementProcess(terms: Fixture.terms(parties: [Fixture.hutubi, congress]))
        _ = try agreement.received(.sign(version: 1), at: Self.date, by: Self.hutubi)
        let signed = try agreement.received(.sign(version: 1), at: Self.date, by: ProtocolActor(role: .congress, agency: congress))
        #expect(signed.to == .active)
    }

    /// 修订: the amendment is signed like the draft; until its last signature the signed version stays
    /// in force (what it adds is not covered yet, what it keeps still is).
    @Test func anAmendmentKeepsTheOldTermsInForceUntilSigned() throws {
        var agreement = try Fixture.process(in: .active)
        for version in [1, 3] {
            let wrong = refusal(agreement) { try $0.received(.amend(Fixture.terms(version: version)), at: Self.date, by: Self.manas) }
            #expect(wrong?.rule == .invalidArgument && wrong?.message.contains("must be version 2") == true)
        }
        let amended = try agreement.received(.amend(Fixture.v2), at: Self.date, by: Self.manas)
        #expect(amended.to == .amended && amended.effects.notified == Fixture.v2.parties.map { .agency($0) })
        #expect(agreement.terms == Fixture.v1 && agreement.pending == Fixture.v2 && agreement.signedBy.isEmpty)
        #expect(agreement.inForce)
        let handling = { (agreement: AgreementProcess) in
            agreement.coverage(module: .jointCaseHandling, domain: nil, segment: nil, parties: [Fixture.hutubi])?.rule
        }
        #expect(handling(agreement) == .outOfScope)
        #expect(agreement.coverage(module: .clueTransfer, domain: .workSafety, segment: "呼图壁段", parties: Fixture.parties) == nil)
        #expect(refusal(agreement) { try $0.received(.amend(Fixture.v2), at: Self.date, by: Self.hutubi) }?.rule == .outOfOrder)
        #expect(refusal(agreement) { try $0.received(.sign(version: 1), at: Self.date, by: Self.hutubi) }?.rule == .invalidArgument)

        _ = try agreement.received(.sign(version: 2), at: Self.date, by: Self.hutubi)
        _ = try agreement.received(.sign(version: 2), at: Self.date, by: Self.manas)
        #expect(agreement.state == .amended && agreement.terms == Fixture.v1 && agreement.signedBy == [Fixture.hutubi, Fixture.manas])
        #expect(handling(agreement) == .outOfScope)
        let last = try agreement.received(.sign(version: 2), at: Self.date, by: Self.shawan)
        #expect(last.to == .active && agreement.terms == Fixture.v2 && agreement.pending == nil)
        #expect(handling(agreement) == nil)
        #expect(agreement.terms.acknowledgeWithinDays == 5)
        // The next amendment is version 3.
        let third = try agreement.received(.amend(Fixture.terms(version: 3)), at: Self.date, by: Self.shawan)
        #expect(third.to == .amended)
    }

    /// An amendment may change the parties: a newcomer signs it, a party it drops does not, and once it
    /// is in force the dropped party no longer acts on the agreement.
    @Test func anAmendmentMayChangeTheParties() throws {
        let qitai = Fixture.party(Fixture.outsider)
        let next = Fixture.terms(version: 2, parties: [Fixture.hutubi, Fixture.manas, Fixture.outsider])
        var agreement = try Fixture.process(in: .active)
        #expect(refusal(agreement) { try $0.received(.suspend(reason: "r"), at: Self.date, by: qitai) }?.rule == .notAParty)
        _ = try agreement.received(.amend(next), at: Self.date, by: Self.hutubi)
        let dropped = refusal(agreement) { try $0.received(.sign(version: 2), at: Self.date, by: Self.shawan) }
        #expect(dropped?.rule == .notAParty && dropped?.message.contains("version 2") == true)
        for party in [Self.hutubi, Self.manas, qitai] {
            _ = try agreement.received(.sign(version: 2), at: Self.date, by: party)
        }
        #expect(agreement.state == .active && agreement.terms.parties.contains(Fixture.outsider))
        #expect(refusal(agreement) { try $0.received(.suspend(reason: "r"), at: Self.date, by: Self.shawan) }?.rule == .notAParty)
        #expect(agreement.coverage(module: .clueTransfer, domain: nil, segment: nil, parties: [Fixture.shawan])?.rule == .notAParty)
    }

    /// 暂停 / 恢复 / 终止, each with its reason: nothing is exchanged under a suspended or terminated
    /// agreement; resuming returns to the amendment being signed, if one was.
    @Test func suspendResumeAndTerminateNeedAReason() throws {
        var agreement = try Fixture.process(in: .active)
        for blank in ["", "  "] {
            let refused = refusal(agreement) { try $0.received(.suspend(reason: blank), at: Self.date, by: Self.manas) }
            #expect(refused?.rule == .explanationRequired && refused?.message.contains("needs a reason") == true)
        }
        let suspended = try agreement.received(.suspend(reason: "道路改扩建"), at: Self.date, by: Self.manas)
        #expect(suspended.to == .suspended && suspended.effects.isEmpty && agreement.reason == "道路改扩建")
        #expect(!agreement.inForce)
        #expect(
            agreement.coverage(module: .clueTransfer, domain: nil, segment: nil, parties: [Fixture.hutubi])?.rule
                == .agreementNotActive)
        #expect(refusal(agreement) { try $0.received(.suspend(reason: "again"), at: Self.date, by: Self.manas) }?.rule == .outOfOrder)
        #expect(refusal(agreement) { try $0.received(.amend(Fixture.v2), at: Self.date, by: Self.manas) }?.rule == .outOfOrder)
        #expect(refusal(agreement) { try $0.received(.resume(reason: ""), at: Self.date, by: Self.hutubi) }?.rule == .explanationRequired)
        let resumed = try agreement.received(.resume(reason: "工程完工"), at: Self.date, by: Self.hutubi)
        #expect(resumed.to == .active && agreement.reason == "工程完工" && agreement.inForce)

        // Suspended while an amendment is being signed: it resumes being signed, signatures kept.
        _ = try agreement.received(.amend(Fixture.v2), at: Self.date, by: Self.manas)
        _ = try agreement.received(.sign(version: 2), at: Self.date, by: Self.hutubi)
        _ = try agreement.received(.suspend(reason: "暂缓修订"), at: Self.date, by: Self.shawan)
        #expect(refusal(agreement) { try $0.received(.sign(version: 2), at: Self.date, by: Self.manas) }?.rule == .outOfOrder)
        let back = try agreement.received(.resume(reason: "继续修订"), at: Self.date, by: Self.shawan)
        #expect(back.to == .amended && agreement.pending == Fixture.v2 && agreement.signedBy == [Fixture.hutubi])

        #expect(refusal(agreement) { try $0.received(.terminate(reason: "\n"), at: Self.date, by: Self.hutubi) }?.rule == .explanationRequired)
        let terminated = try agreement.received(.terminate(reason: "由州级机制取代"), at: Self.date, by: Self.hutubi)
        #expect(terminated.to == .terminated && agreement.reason == "由州级机制取代" && !agreement.inForce)
        for event in [AgreementProcess.Event.terminate(reason: "r"), .resume(reason: "r"), .suspend(reason: "r"), .sign(version: 2)] {
            #expect(refusal(agreement) { try $0.received(event, at: Self.date, by: Self.hutubi) }?.rule == .outOfOrder, "\(event.name)")
        }
    }

    /// `coverage`: in force first, then every party named, then the module, the domain and the segment.
    @Test(arguments: AgreementProcess.State.allCases)
    func coverageNeedsTheAgreementInForce(_ state: AgreementProcess.State) throws {
        let agreement = try Fixture.process(in: state)
        let problem = agreement.coverage(
            module: .clueTransfer, domain: .ecologyAndResources, segment: "玛纳斯段", parties: [Fixture.manas, Fixture.outsider])
        if state == .active || state == .amended {
            #expect(problem?.rule == .notAParty && problem?.message.contains("\(Fixture.outsider)") == true)
        } else {
            #expect(problem?.rule == .agreementNotActive && problem?.message.contains(state.rawValue) == true)
        }
    }

    @Test func coverageNamesEachRefusal() throws {
        let agreement = try Fixture.process(in: .active)
        func rule(
            _ module: CooperationModule = .clueTransfer, _ domain: PublicInterestDomain? = .ecologyAndResources,
            _ segment: String? = "玛纳斯段", parties: [AgencyID] = [Fixture.manas, Fixture.hutubi]
        ) -> ProtocolViolation.Rule? {
            agreement.coverage(module: module, domain: domain, segment: segment, parties: parties)?.rule
        }
        #expect(rule() == nil)
        #expect(rule(.entrustedEvidence, nil, nil) == nil)
        #expect(rule(parties: []) == nil)
        #expect(rule(parties: [Fixture.manas, "manas.congress"]) == .notAParty)
        #expect(rule(.exchangeVisits) == .outOfScope)
        #expect(rule(.jointCaseHandling, .antiFraud, "奇台段", parties: [Fixture.outsider]) == .notAParty)
        #expect(rule(.clueTransfer, .antiFraud) == .outOfScope)
        #expect(rule(.clueTransfer, .ecologyAndResources, "奇台段") == .outOfScope)
        #expect(agreement.coverage(module: .exchangeVisits, domain: nil, segment: nil, parties: [])?.message.contains("exchangeVisits") == true)
        #expect(agreement.coverage(module: .clueTransfer, domain: .antiFraud, segment: nil, parties: [])?.message.contains("antiFraud") == true)
        #expect(agreement.coverage(module: .clueTransfer, domain: nil, segment: "奇台段", parties: [])?.message.contains("S101公路昌吉州段") == true)

        // An area with no segments covers the whole area: any segment is in it.
        var whole = AgreementProcess(terms: Fixture.terms(area: AgreementArea(kind: .riverBasin, name: "滦河流域", segments: [])))
        for party in Fixture.parties {
            _ = try whole.received(.sign(version: 1), at: Self.date, by: Fixture.party(party))
        }
        #expect(whole.coverage(module: .clueTransfer, domain: .workSafety, segment: "伊逊河", parties: Fixture.parties) == nil)
    }
}
