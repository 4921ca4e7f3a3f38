import Foundation
import JSONSchema
import Testing
import XianjieMessages

/// The conditional rules of the escalation schemas (DOMAIN.md §4 I): what a sample may not lose or gain.
@Suite struct EscalationSchemaTests {
    let registry: SchemaRegistry

    init() throws { registry = try SchemaFiles.registry() }

    /// The schema errors of `sample` encoded and then changed by `change`.
    func errors<P: MessagePayload>(_ sample: P, _ change: (inout [String: Any]) -> Void = { _ in }) throws -> [String] {
        var object = try #require(try JSONSerialization.jsonObject(with: XianjieJSON.encode(sample)) as? [String: Any])
        change(&object)
        let json = try JSONSerialization.data(withJSONObject: object)
        return try registry.validate(try JSONValue.parse(json), against: P.schemaID).map(\.description)
    }

    func sample<P: MessagePayload>(_ type: P.Type, where matches: (P) -> Bool = { _ in true }) throws -> P {
        let found = Samples.escalation.compactMap { $0 as? P }.first(where: matches)
        return try #require(found)
    }

    @Test func aLookBackNamesItsFollowUpUnlessItCloses() throws {
        let reinquiry = try sample(InquiryLookBack.self) { $0.outcome == .reinquiry }
        #expect(try errors(reinquiry).isEmpty)
        #expect(!(try errors(reinquiry) { $0["followUpId"] = nil }).isEmpty)
        #expect(!(try errors(reinquiry) { $0["outcome"] = "interpellation"; $0["followUpId"] = nil }).isEmpty)
        #expect(try errors(reinquiry) { $0["outcome"] = "closed"; $0["followUpId"] = nil }.isEmpty)
        #expect(!(try errors(reinquiry) { $0["unresolvedProblemIds"] = ["P1", "P1"] }).isEmpty)
    }

    @Test func anInterpellationIsSignedByIdentifiedMembersAndAWithdrawalSaysWhy() throws {
        let draft = try sample(Interpellation.self) { $0.action == .draft }
        #expect(!(try errors(draft) { $0["signers"] = [Any]() }).isEmpty)
        #expect(!(try errors(draft) { $0["action"] = "cosign"; $0["signers"] = [Any]() }).isEmpty)
        #expect(!(try errors(draft) { $0["signers"] = [["name": "陈委员"]] }).isEmpty)
        #expect(try errors(draft) { $0["action"] = "submit"; $0["signers"] = [Any]() }.isEmpty)
        let withdrawal = try sample(Interpellation.self) { $0.action == .withdraw }
        #expect(try errors(withdrawal).isEmpty)
        #expect(!(try errors(withdrawal) { $0["reason"] = nil }).isEmpty)
    }

    @Test func anOralAnswerHasItsMeetingAndTheRoundIsOneOrTwo() throws {
        let oral = try sample(InterpellationDecision.self) { $0.form == .oral }
        #expect(!(try errors(oral) { $0["meetingAt"] = nil }).isEmpty)
        #expect(try errors(oral) { $0["form"] = "written"; $0["meetingAt"] = nil }.isEmpty)
        let answer = try sample(InterpellationAnswer.self)
        #expect(!(try errors(answer) { $0["round"] = 3 }).isEmpty)
        #expect(!(try errors(answer) { $0["round"] = 0 }).isEmpty)
        let assessment = try sample(InterpellationAssessment.self) { !$0.unsatisfied.isEmpty }
        #expect(!(try errors(assessment) { $0["unsatisfied"] = ["HTB-C-003", "HTB-C-003"] }).isEmpty)
    }

    @Test func anInvestigationStageCarriesWhatItNeeds() throws {
        let proposed = try sample(SpecificInvestigation.self) { $0.proposedBy == .members }
        #expect(!(try errors(proposed) { $0["proposedBy"] = nil; $0["proposers"] = nil }).isEmpty)
        #expect(!(try errors(proposed) { $0["proposers"] = nil }).isEmpty)
        #expect(!(try errors(proposed) { $0["proposers"] = [["name": "林委员"]] }).isEmpty)
        #expect(try errors(proposed) { $0["proposedBy"] = "council"; $0["proposers"] = nil }.isEmpty)
        let formed = try sample(SpecificInvestigation.self) { $0.stage == .committeeFormed }
        #expect(!(try errors(formed) { $0["committee"] = nil }).isEmpty)
        #expect(!(try errors(formed) { $0["committee"] = [Any]() }).isEmpty)
    }

    @Test func claimsAndSchedulesNameEachOneOnce() throws {
        let claim = try sample(InquiryClaim.self)
        #expect(!(try errors(claim) { $0["problemIds"] = [Any]() }).isEmpty)
        #expect(!(try errors(claim) { $0["problemIds"] = ["P1", "P1"] }).isEmpty)
        let topic = try sample(SpecialInquiryTopic.self)
        #expect(!(try errors(topic) { $0["units"] = ["hutubi.water", "hutubi.water"] }).isEmpty)
        #expect(!(try errors(topic) { $0["units"] = [Any]() }).isEmpty)
        let schedule = try sample(EvaluationSchedule.self)
        #expect(!(try errors(schedule) { $0["membersTotal"] = 0 }).isEmpty)
        #expect(!(try errors(schedule) { $0["units"] = [Any]() }).isEmpty)
    }

    /// Anonymous by construction: only counts travel; a voter's name has nowhere to go.
    @Test func aBallotResultNamesNoVoter() throws {
        let result = try sample(BallotResult.self)
        #expect(try errors(result).isEmpty)
        #expect(!(try errors(result) { $0["voters"] = [["name": "陈委员"]] }).isEmpty)
        #expect(
            !(try errors(result) {
                var tallies = $0["tallies"] as! [[String: Any]]
                tallies[0]["voters"] = ["HTB-C-003"]
                $0["tallies"] = tallies
            }).isEmpty)
        #expect(!(try errors(result) { $0["observers"] = -1 }).isEmpty)
        #expect(!(try errors(result) { $0["tallies"] = [Any]() }).isEmpty)
    }
}
