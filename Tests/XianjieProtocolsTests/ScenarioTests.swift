import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §6 scenarios played as event sequences on the pure machines.
@Suite struct ScenarioTests {
    /// 1. 红柳滩: suggestion → transfer (ecology) → case → suggestion to the brigade → rectification list
    /// → reply within 2 months → look-back with deputies confirms.
    @Test func scenario1TamariskGrove() throws {
        let brigade: AgencyID = "hutubi.forestry-brigade"
        var suggestion = DeputySuggestionProcess(subjectId: "S-HLT")
        let flags = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true)
        _ = try suggestion.received(.register(session: .betweenSessions, domain: .ecologyAndResources, impact: flags), at: day("2024-09-27"), by: .congress, rules: rules2024)
        _ = try suggestion.received(.transferToProcuratorate, at: day("2024-09-30"), by: .congress, rules: rules2024)
        _ = try suggestion.received(.transferAssessed(.filed, caseId: "C-HLT", reason: nil), at: day("2024-10-09"), by: .procuratorate)

        var theCase = PublicInterestCaseProcess(caseId: "C-HLT", originSuggestionId: "S-HLT")
        let p = ProtocolActor.procuratorate
        for event: PublicInterestCaseProcess.Event in [.register, .assess, .file, .startInvestigation(hearing: false),
            .issueSuggestion(documentNumber: "呼检行公建〔2024〕3号", addressee: brigade, urgent: false, approvedByChief: true)]
        {
            _ = try theCase.received(event, at: day("2024-10-09"), by: p, rules: rules2024)
        }
        _ = try theCase.received(.deliver, at: day("2024-10-10"), by: p, rules: rules2024)
        #expect(theCase.timers.deadline(.procuratorialReply)?.due == day("2024-12-10"))
        _ = try theCase.received(.fileWithSuperior, at: day("2024-10-12"), by: p)
        _ = try theCase.received(.copyToCongress, at: day("2024-10-14"), by: p)

        var list = ThreeListsProcess(itemId: "HLT-1", problem: "红柳滩 illegal reclamation")
        _ = try list.received(.assign(unit: brigade, leadPerson: "队长", deadline: day("2024-12-01")), at: day("2024-10-20"), by: .coordinator)
        for event: ThreeListsProcess.Event in [.submitPlan, .startWork, .reportDone] {
            _ = try list.received(event, at: day("2024-11-20"), by: .agency(brigade))
        }
        _ = try theCase.received(.reply(.rectified), at: day("2024-11-25"), by: .agency(brigade), rules: rules2024)
        for event: PublicInterestCaseProcess.Event in [.beginFollowUp, .followUpConcluded(performed: true), .close] {
            _ = try theCase.received(event, at: day("2024-11-28"), by: p)
        }
        for event: ThreeListsProcess.Event in [.verify(passed: true), .close, .scheduleLookBack(on: day("2025-05-20"))] {
            _ = try list.received(event, at: day("2024-11-28"), by: .coordinator)
        }
        _ = try list.received(.lookBackResult(confirmed: true, newItemId: nil), at: day("2025-05-20"), by: .congress)
        _ = try theCase.received(.lookBack(confirmed: true), at: day("2025-05-20"), by: p)

        #expect(theCase.state == .lookBack && theCase.lookBackConfirmed == true)
        #expect(theCase.timers.running.isEmpty)
        #expect(list.state == .confirmed)
        #expect(suggestion.transfer == .caseFiled(caseId: "C-HLT"))
    }

    /// 4. 婴幼儿乳粉: urgent path, 15-day reply timer to the market regulator, then rectification.
    @Test func scenario4InfantFormulaUrgent() throws {
        let regulator: AgencyID = "hutubi.market-regulation"
        var theCase = PublicInterestCaseProcess(caseId: "C-RF")
        let p = ProtocolActor.procuratorate
        for event: PublicInterestCaseProcess.Event in [.register, .assess, .file, .startInvestigation(hearing: false),
            .issueSuggestion(documentNumber: "呼检行公建〔2024〕7号", addressee: regulator, urgent: true, approvedByChief: true)]
        {
            _ = try theCase.received(event, at: day("2024-09-20"), by: p, rules: rules2024)
        }
        let delivered = try theCase.received(.deliver, at: day("2024-09-23"), by: p, rules: rules2024)
        let reply = try #require(delivered.effects.startedTimers.first { $0.kind == .procuratorialReply })
        #expect(reply.due == day("2024-10-08"))
        #expect(reply.obligated == .agency(regulator))
        let reminder = try theCase.received(.reminderDue(.procuratorialReply), at: day("2024-09-30"), by: .coordinator)
        #expect(reminder.effects.notified == [.agency(regulator)])
        _ = try theCase.received(.reply(.rectified), at: day("2024-10-08"), by: .agency(regulator))
        for event: PublicInterestCaseProcess.Event in [.beginFollowUp, .followUpConcluded(performed: true), .close] {
            _ = try theCase.received(event, at: day("2024-10-15"), by: p)
        }
        #expect(theCase.state == .closed)
        #expect(theCase.urgent && theCase.replyStatus == .rectified)
    }

    /// 7. Reverse conversion: three suggestions copied to congress; a deputy adopts one → track A.
    @Test func scenario7ReverseConversion() throws {
        let eligible = ReverseConversionProcess.Eligibility(wideImpact: true, publicAttention: true, typicalViolation: true, deservesAttention: true)
        var outcomes: [ReverseConversionProcess.State] = []
        var adopted: DeputySuggestionProcess?
        for (index, topic) in ["river pollution", "forest care", "youth legal education"].enumerated() {
            var conversion = ReverseConversionProcess(caseId: "C-RC-\(index)", documentNumber: "呼检建〔2024〕\(index)号")
            _ = try conversion.received(.markCopyEligible(eligible), at: day("2024-10-08"), by: .procuratorate)
            _ = try conversion.received(.copyToCongress, at: day("2024-10-09"), by: .procuratorate)
            _ = try conversion.received(.beginScreening, at: day("2024-10-10"), by: .congress)
            if topic == "river pollution" {
                _ = try conversion.received(.proposeConversion(recommendation: "河长制 for tributaries"), at: day("2024-10-11"), by: .congress)
                _ = try conversion.received(.adopt, at: day("2024-10-12"), by: .deputy("D-07"))
                let t = try conversion.received(.submit(suggestionId: "S-RC-1"), at: day("2024-10-14"), by: .deputy("D-07"))
                #expect(t.effects.startedProcesses.first?.originSubjectId == "C-RC-0")
                adopted = conversion.deputySuggestion
            } else {
                _ = try conversion.received(.decideNotToConvert(reason: "already in the work plan"), at: day("2024-10-11"), by: .congress)
            }
            outcomes.append(conversion.state)
        }
        #expect(outcomes == [.submitted, .notConverted, .notConverted])
        var trackA = try #require(adopted)
        #expect(trackA.originCaseId == "C-RC-0")
        _ = try trackA.received(.register(session: .betweenSessions, domain: .ecologyAndResources, impact: nil), at: day("2024-10-14"), by: .congress, rules: rules2024)
        _ = try trackA.received(.assign(host: "hutubi.water", coUnits: []), at: day("2024-10-16"), by: .congress, rules: rules2024)
        #expect(trackA.state == .assigned)
        #expect(trackA.timers.deadline(.suggestionReply)?.due == day("2025-01-16"))
    }
}
