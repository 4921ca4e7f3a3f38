import Foundation
import Testing
import XianjieMessages
import XianjieTrust

@Suite("Access policy")
struct AccessPolicyTests {
    let policy = AccessPolicy.countyDefault

    func request(
        _ type: MessageType, from sender: AgencyID, _ senderKind: String, to recipients: [(AgencyID, String)] = [],
        topic: String? = nil
    ) -> PolicyRequest {
        PolicyRequest(
            sender: sender, senderKind: senderKind, type: type,
            recipients: recipients.map { (agency: $0.0, kind: $0.1) }, topic: topic)
    }

    @Test("the county default is valid and equals the documented example file")
    func exampleFile() throws {
        try policy.validate()
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("policy.json")
        try Data(Self.countyExample.utf8).write(to: file)
        #expect(try AccessPolicy.load(from: file) == policy)
        // And the Codable form reads back the same.
        let encoded = try XianjieJSON.encode(policy)
        #expect(try AccessPolicy.parse(encoded) == policy)
    }

    @Test("a procuratorate may issue a procuratorial suggestion to an agency, copied to congress")
    func procuratorateIssues() {
        let decision = policy.check(
            request(
                "xianjie.procuratorialSuggestion", from: Sample.procuratorate, "procuratorate",
                to: [(Sample.forestry, "agency"), (Sample.congress, "congress")]))
        #expect(decision == .allowed)
    }

    @Test(
        "a station or an agency may not issue a procuratorial suggestion", arguments: ["station", "agency", "congress"])
    func othersMayNotIssue(kind: String) {
        let sender: AgencyID = kind == "station" ? Sample.station : kind == "agency" ? "hutubi.market" : Sample.congress
        let decision = policy.check(
            request("xianjie.procuratorialSuggestion", from: sender, kind, to: [(Sample.forestry, "agency")]))
        guard case .denied(let reason) = decision else {
            Issue.record("a \(kind) was allowed to send a procuratorial suggestion")
            return
        }
        #expect(reason.contains("\(kind) (\(sender)) may not send xianjie.procuratorialSuggestion"))
        #expect(reason.contains("policy: only procuratorate may send it"))
    }

    @Test("a recipient of a kind the rule does not allow is refused, naming the recipient")
    func recipientKindNotAllowed() {
        let decision = policy.check(
            request(
                "xianjie.procuratorialSuggestion", from: Sample.procuratorate, "procuratorate",
                to: [(Sample.forestry, "agency"), (Sample.station, "station")]))
        #expect(
            decision
                == .denied(
                    "a procuratorate (hutubi.procuratorate) may not send xianjie.procuratorialSuggestion to a station "
                        + "(hutubi.station.erdaohe) (policy: a procuratorate may send it only to congress, procuratorate or agency)"
                ))
        // An agency receives only what the policy lets be addressed to it: a clue goes to the procuratorate only.
        let clue = policy.check(
            request("xianjie.clue", from: Sample.station, "station", to: [("hutubi.market", "agency")]))
        #expect(!clue.isAllowed)
    }

    @Test("control types are always allowed, whoever sends them, even under an empty policy")
    func controlTypesAllowed() {
        let empty = AccessPolicy(rules: [])
        for type in MessageCatalog.all.map(\.type) where type.isBusControl {
            for kind in AgencyKind.builtIn.map(\.rawValue) + ["unknown"] {
                #expect(empty.check(request(type, from: Sample.station, kind)) == .allowed)
                #expect(
                    policy.check(request(type, from: Sample.station, kind, to: [(Sample.congress, "congress")]))
                        == .allowed)
            }
        }
        // Documents are denied unless a rule allows them.
        #expect(
            !empty.check(
                request("xianjie.clue", from: Sample.station, "station", to: [(Sample.procuratorate, "procuratorate")])
            ).isAllowed)
    }

    @Test("bulletins are broadcast on notices by congress, procuratorate or coordinator only")
    func bulletins() {
        #expect(
            policy.check(request("xianjie.workBulletin", from: Sample.congress, "congress", topic: "notices"))
                == .allowed)
        #expect(
            policy.check(request("xianjie.workBulletin", from: "coordinator", "coordinator", topic: "notices"))
                == .allowed)
        let otherTopic = policy.check(
            request("xianjie.workBulletin", from: Sample.congress, "congress", topic: "gossip"))
        #expect(
            otherTopic
                == .denied(
                    "a congress (hutubi.congress) may not broadcast xianjie.workBulletin on topic \"gossip\" (policy: only on topic \"notices\")"
                ))
        #expect(
            !policy.check(request("xianjie.workBulletin", from: Sample.station, "station", topic: "notices")).isAllowed)
        // A bulletin rule has no recipients: addressing one is refused.
        #expect(
            !policy.check(
                request(
                    "xianjie.workBulletin", from: Sample.congress, "congress",
                    to: [(Sample.procuratorate, "procuratorate")])
            ).isAllowed)
        // An addressed-only type cannot be broadcast.
        #expect(!policy.check(request("xianjie.clue", from: Sample.station, "station", topic: "notices")).isAllowed)
    }

    @Test("every document of the county demo is allowed")
    func countyScenario() {
        let steps: [PolicyRequest] = [
            request("xianjie.clue", from: Sample.station, "station", to: [(Sample.procuratorate, "procuratorate")]),
            request(
                "xianjie.suggestionTransfer", from: Sample.congress, "congress",
                to: [(Sample.procuratorate, "procuratorate")]),
            request(
                "xianjie.transferAssessment", from: Sample.procuratorate, "procuratorate",
                to: [(Sample.congress, "congress")]),
            request(
                "xianjie.rectificationReply", from: Sample.forestry, "agency",
                to: [(Sample.procuratorate, "procuratorate"), (Sample.congress, "congress")]),
            request("xianjie.deputySuggestion", from: Sample.station, "station", to: [(Sample.congress, "congress")]),
            request(
                "xianjie.deputySuggestion", from: Sample.congress, "congress",
                to: [(Sample.procuratorate, "procuratorate"), ("hutubi.housing", "agency")]),
        ]
        for step in steps { #expect(policy.check(step) == .allowed, "\(step.type) from \(step.sender)") }
    }

    @Test("every workflow document of the joint protocols is allowed from its sender")
    func workflowDocuments() {
        let congress = (Sample.congress, "congress")
        let procuratorate = (Sample.procuratorate, "procuratorate")
        let agency = (Sample.forestry, "agency")
        let station = (Sample.station, "station")
        let steps: [PolicyRequest] = [
            request("xianjie.suggestionAssignment", from: Sample.congress, "congress", to: [agency, procuratorate]),
            request("xianjie.suggestionHandling", from: Sample.forestry, "agency", to: [congress]),
            request("xianjie.replyLetter", from: Sample.forestry, "agency", to: [congress]),
            request("xianjie.feedbackRequest", from: Sample.congress, "congress", to: [station, agency]),
            request("xianjie.deputyFeedback", from: Sample.station, "station", to: [congress, agency]),
            request("xianjie.caseFilingDecision", from: Sample.procuratorate, "procuratorate", to: [congress]),
            request("xianjie.caseProgress", from: Sample.procuratorate, "procuratorate", to: [congress, agency]),
            request("xianjie.suggestionCopy", from: Sample.procuratorate, "procuratorate", to: [congress]),
            request("xianjie.objection", from: Sample.forestry, "agency", to: [procuratorate, congress]),
            request("xianjie.terminationDecision", from: Sample.procuratorate, "procuratorate", to: [agency]),
            request("xianjie.litigationComplaint", from: Sample.procuratorate, "procuratorate", to: [agency, congress]),
            request("xianjie.conversionDecision", from: Sample.congress, "congress", to: [procuratorate]),
            request("xianjie.issueList", from: Sample.procuratorate, "procuratorate", to: [agency, congress, station]),
            request("xianjie.responsibilityList", from: Sample.congress, "congress", to: [agency, procuratorate]),
            request("xianjie.rectificationList", from: Sample.forestry, "agency", to: [congress, procuratorate]),
            request("xianjie.rectificationProgress", from: Sample.forestry, "agency", to: [procuratorate]),
            request("xianjie.verification", from: Sample.procuratorate, "procuratorate", to: [agency, congress]),
            request("xianjie.lookBack", from: Sample.congress, "congress", to: [agency, procuratorate, station]),
            request(
                "xianjie.deadlineNotice", from: "coordinator", "coordinator", to: [agency, congress, procuratorate, station]),
        ]
        for step in steps { #expect(policy.check(step) == .allowed, "\(step.type) from \(step.sender)") }
        // And some that are not.
        let refused: [PolicyRequest] = [
            request("xianjie.deadlineNotice", from: Sample.congress, "congress", to: [agency]),
            request("xianjie.caseFilingDecision", from: Sample.station, "station", to: [congress]),
            request("xianjie.replyLetter", from: Sample.forestry, "agency", to: [station]),
            request("xianjie.suggestionCopy", from: Sample.procuratorate, "procuratorate", to: [agency]),
        ]
        for step in refused { #expect(!policy.check(step).isAllowed, "\(step.type) from \(step.sender)") }
    }

    @Test("every joint-meeting document is allowed from its sender")
    func meetingDocuments() {
        let congress = (Sample.congress, "congress")
        let procuratorate = (Sample.procuratorate, "procuratorate")
        let agency = (Sample.forestry, "agency")
        let station = (Sample.station, "station")
        let everyMember = [congress, procuratorate, agency, station]
        let steps: [PolicyRequest] = [
            request("xianjie.meetingNotice", from: "coordinator", "coordinator", to: everyMember),
            request("xianjie.meetingNotice", from: Sample.congress, "congress", to: [procuratorate, agency]),
            request("xianjie.meetingNotice", from: Sample.procuratorate, "procuratorate", to: [congress, station]),
            request("xianjie.agendaMotion", from: Sample.forestry, "agency", to: [congress, procuratorate]),
            request("xianjie.agendaMotion", from: Sample.station, "station", to: [congress]),
            request("xianjie.agendaMotion", from: Sample.procuratorate, "procuratorate", to: [congress, procuratorate]),
            request("xianjie.meetingAgenda", from: "coordinator", "coordinator", to: everyMember),
            request("xianjie.meetingAttendance", from: Sample.congress, "congress", to: [procuratorate, agency]),
            request("xianjie.jointMeetingMinutes", from: Sample.congress, "congress", to: everyMember),
            request("xianjie.minutesCosign", from: Sample.congress, "congress", to: [procuratorate, agency, station]),
            request("xianjie.minutesCosign", from: Sample.procuratorate, "procuratorate", to: [congress, agency]),
            request("xianjie.assignmentProgress", from: Sample.forestry, "agency", to: [congress, procuratorate]),
            request("xianjie.assignmentProgress", from: Sample.congress, "congress", to: [procuratorate]),
        ]
        for step in steps { #expect(policy.check(step) == .allowed, "\(step.type) from \(step.sender)") }
        // And some that are not.
        let refused: [PolicyRequest] = [
            request("xianjie.meetingNotice", from: Sample.forestry, "agency", to: [congress]),
            request("xianjie.meetingAgenda", from: Sample.congress, "congress", to: [procuratorate]),
            request("xianjie.agendaMotion", from: Sample.forestry, "agency", to: [station]),
            request("xianjie.jointMeetingMinutes", from: Sample.forestry, "agency", to: [congress]),
            request("xianjie.minutesCosign", from: Sample.station, "station", to: [congress]),
            request("xianjie.assignmentProgress", from: Sample.forestry, "agency", to: [station]),
            request("xianjie.assignmentProgress", from: Sample.station, "station", to: [congress]),
        ]
        for step in refused { #expect(!policy.check(step).isAllowed, "\(step.type) from \(step.sender)") }
    }

    @Test("every cross-region cooperation document is allowed from its sender")
    func cooperationDocuments() {
        let congress = (Sample.congress, "congress")
        let procuratorate = (Sample.procuratorate, "procuratorate")
        let neighbour = (AgencyID("manas.procuratorate"), "procuratorate")
        let agency = (Sample.forestry, "agency")
        let station = (Sample.station, "station")
        let terms: [MessageType] = [
            "xianjie.cooperationAgreement", "xianjie.agreementSignature", "xianjie.agreementStatusChange",
        ]
        let exchanges: [MessageType] = [
            "xianjie.clueTransfer", "xianjie.clueTransferAck", "xianjie.clueTransferFeedback",
            "xianjie.jurisdictionDispute", "xianjie.assistanceRequest", "xianjie.assistanceResult",
            "xianjie.informationShare",
        ]
        var steps: [PolicyRequest] = []
        for type in terms {
            steps.append(request(type, from: Sample.procuratorate, "procuratorate", to: [neighbour, congress]))
            steps.append(request(type, from: Sample.congress, "congress", to: [procuratorate, neighbour]))
        }
        for type in exchanges {
            steps.append(request(type, from: Sample.procuratorate, "procuratorate", to: [neighbour, congress]))
        }
        for step in steps { #expect(policy.check(step) == .allowed, "\(step.type) from \(step.sender)") }
        // And some that are not.
        var refused: [PolicyRequest] = [
            request("xianjie.cooperationAgreement", from: Sample.forestry, "agency", to: [procuratorate]),
            request("xianjie.agreementSignature", from: Sample.station, "station", to: [procuratorate]),
            request("xianjie.agreementStatusChange", from: Sample.procuratorate, "procuratorate", to: [agency]),
            request("xianjie.clueTransfer", from: Sample.procuratorate, "procuratorate", to: [station]),
            request("xianjie.informationShare", from: Sample.procuratorate, "procuratorate", to: [agency]),
        ]
        for type in exchanges {
            refused.append(request(type, from: Sample.congress, "congress", to: [procuratorate]))
        }
        for step in refused { #expect(!policy.check(step).isAllowed, "\(step.type) from \(step.sender)") }
    }

    @Test("every hearing and deputy-participation document is allowed from its sender")
    func hearingDocuments() {
        let congress = (Sample.congress, "congress")
        let procuratorate = (Sample.procuratorate, "procuratorate")
        let superior = (AgencyID("changji.procuratorate"), "procuratorate")
        let agency = (Sample.forestry, "agency")
        let station = (Sample.station, "station")
        var steps: [PolicyRequest] = []
        for type: MessageType in ["xianjie.hearingNotice", "xianjie.hearingRecord"] {
            steps.append(
                request(type, from: Sample.procuratorate, "procuratorate", to: [congress, superior, agency, station]))
        }
        for (sender, kind) in [(Sample.procuratorate, "procuratorate"), (Sample.congress, "congress"), (Sample.station, "station")] {
            steps.append(request("xianjie.participationRecord", from: sender, kind, to: [congress, procuratorate]))
        }
        for step in steps { #expect(policy.check(step) == .allowed, "\(step.type) from \(step.sender)") }
        // And some that are not.
        let refused: [PolicyRequest] = [
            request("xianjie.hearingNotice", from: Sample.congress, "congress", to: [procuratorate]),
            request("xianjie.hearingNotice", from: Sample.forestry, "agency", to: [procuratorate]),
            request("xianjie.hearingRecord", from: Sample.station, "station", to: [procuratorate, congress]),
            request("xianjie.participationRecord", from: Sample.forestry, "agency", to: [congress]),
            request("xianjie.participationRecord", from: Sample.station, "station", to: [agency]),
            request("xianjie.participationRecord", from: Sample.congress, "congress", to: [station]),
            request("xianjie.participationRecord", from: "coordinator", "coordinator", to: [congress]),
        ]
        for step in refused { #expect(!policy.check(step).isAllowed, "\(step.type) from \(step.sender)") }
    }

    @Test("every congress escalation and evaluation document is allowed from its sender")
    func escalationDocuments() {
        let congress = (Sample.congress, "congress")
        let procuratorate = (Sample.procuratorate, "procuratorate")
        let agency = (Sample.forestry, "agency")
        let station = (Sample.station, "station")
        let congressDocuments: [MessageType] = [
            "xianjie.inquiryTopic", "xianjie.inquiryProgress", "xianjie.inquiryAssignment", "xianjie.inquiryOpinions",
            "xianjie.inquiryLookBack", "xianjie.interpellation", "xianjie.interpellationDecision",
            "xianjie.interpellationAssessment", "xianjie.specificInvestigation", "xianjie.evaluationSchedule",
            "xianjie.ballotResult",
        ]
        let agencyDocuments: [MessageType] = [
            "xianjie.inquiryClaim", "xianjie.inquiryHandlingReport", "xianjie.interpellationAnswer",
        ]
        var steps: [PolicyRequest] = []
        for type in congressDocuments {
            steps.append(request(type, from: Sample.congress, "congress", to: [congress, procuratorate, agency]))
        }
        for type in agencyDocuments {
            steps.append(request(type, from: Sample.forestry, "agency", to: [congress, procuratorate]))
        }
        for step in steps { #expect(policy.check(step) == .allowed, "\(step.type) from \(step.sender)") }
        // And some that are not.
        var refused: [PolicyRequest] = [
            request("xianjie.inquiryTopic", from: Sample.congress, "congress", to: [station]),
            request("xianjie.ballotResult", from: "coordinator", "coordinator", to: [congress]),
            request("xianjie.inquiryClaim", from: Sample.forestry, "agency", to: [agency]),
            request("xianjie.interpellationAnswer", from: Sample.forestry, "agency", to: [station]),
            request("xianjie.inquiryHandlingReport", from: Sample.congress, "congress", to: [procuratorate]),
        ]
        for type in congressDocuments {
            refused.append(request(type, from: Sample.procuratorate, "procuratorate", to: [congress]))
            refused.append(request(type, from: Sample.forestry, "agency", to: [congress]))
        }
        for type in agencyDocuments {
            refused.append(request(type, from: Sample.station, "station", to: [congress]))
        }
        for step in refused { #expect(!policy.check(step).isAllowed, "\(step.type) from \(step.sender)") }
    }

    @Test("file chunks go wherever a document with attachments goes, from the kinds that send such documents")
    func attachmentChunks() {
        let members: [(AgencyID, String)] = [
            (Sample.congress, "congress"), (Sample.procuratorate, "procuratorate"), (Sample.forestry, "agency"),
            (Sample.station, "station"),
        ]
        for (sender, kind) in members {
            #expect(
                policy.check(request("xianjie.attachmentChunk", from: sender, kind, to: members)) == .allowed,
                "xianjie.attachmentChunk from \(kind)")
        }
        // The coordinator and operators send no document that references a file; chunks are never broadcast.
        let refused: [PolicyRequest] = [
            request("xianjie.attachmentChunk", from: "coordinator", "coordinator", to: members),
            request("xianjie.attachmentChunk", from: "operator.admin", "operator", to: [members[0]]),
            request("xianjie.attachmentChunk", from: Sample.procuratorate, "procuratorate", to: [("coordinator", "coordinator")]),
            request("xianjie.attachmentChunk", from: Sample.congress, "congress", topic: "notices"),
        ]
        for step in refused { #expect(!policy.check(step).isAllowed, "\(step.type) from \(step.sender)") }
    }

    @Test("other refusals say why")
    func otherDenials() {
        #expect(
            policy.check(request("xianjie.transferAssessment", from: Sample.procuratorate, "procuratorate"))
                == .denied(
                    "a procuratorate (hutubi.procuratorate) sent xianjie.transferAssessment with neither recipients nor a topic; a document must be addressed"
                ))
        let unknownKind = policy.check(
            request("xianjie.clue", from: "hutubi.x", "", to: [(Sample.procuratorate, "procuratorate")]))
        #expect(
            unknownKind
                == .denied(
                    "a party of unknown kind \"\" (hutubi.x) may not send xianjie.clue (policy: only congress, procuratorate or station may send it)"
                ))
        let noRule = AccessPolicy(rules: []).check(
            request("xianjie.clue", from: Sample.station, "station", to: [(Sample.procuratorate, "procuratorate")]))
        #expect(
            noRule
                == .denied(
                    "a station (hutubi.station.erdaohe) may not send xianjie.clue (policy: no rule allows xianjie.clue; documents are denied unless a rule allows them)"
                ))
    }

    @Test("a region declares a new kind of agency in the policy and writes its rules")
    func declaredKinds() throws {
        let custom = try AccessPolicy.parse(
            Data(
                #"""
                {"kinds": {"audit": "审计局 (audit office)"},
                 "rules": [{"types": ["xianjie.clue"], "senders": {"kinds": ["audit"]},
                            "recipients": {"kinds": ["procuratorate"]}},
                           {"types": ["xianjie.caseProgress"], "senders": {"kinds": ["procuratorate"]},
                            "recipients": {"kinds": ["audit"]}}]}
                """#.utf8))
        #expect(custom.kinds == ["audit": "审计局 (audit office)"])
        #expect(custom.knows(kind: "audit") && custom.knows(kind: "station") && !custom.knows(kind: "court"))
        #expect(
            custom.check(
                request("xianjie.clue", from: "hutubi.audit", "audit", to: [(Sample.procuratorate, "procuratorate")]))
                == .allowed)
        #expect(
            custom.check(
                request("xianjie.clue", from: "hutubi.audit", "audit", to: [("hutubi.market", "agency")]))
                == .denied(
                    "an audit (hutubi.audit) may not send xianjie.clue to an agency (hutubi.market) (policy: an audit may send it only to procuratorate)"
                ))
        #expect(
            custom.check(
                request("xianjie.caseProgress", from: Sample.procuratorate, "procuratorate", to: [("hutubi.audit", "audit")]))
                == .allowed)
        // Decoding (a policy embedded elsewhere) keeps the declared kinds; an old document without them decodes too.
        let decoded = try JSONDecoder().decode(AccessPolicy.self, from: JSONEncoder().encode(custom))
        #expect(decoded == custom)
        let old = try JSONDecoder().decode(AccessPolicy.self, from: Data(#"{"rules": []}"#.utf8))
        #expect(old.kinds.isEmpty)
    }

    @Test("a rule can name agencies as well as kinds")
    func agencySelectors() throws {
        let custom = try AccessPolicy.parse(
            Data(
                #"""
                {"rules": [{"types": ["xianjie.clue"], "senders": {"agencies": ["hutubi.market"]},
                            "recipients": {"agencies": ["hutubi.procuratorate"]}}]}
                """#.utf8))
        #expect(
            custom.check(
                request("xianjie.clue", from: "hutubi.market", "agency", to: [(Sample.procuratorate, "procuratorate")]))
                == .allowed)
        #expect(
            !custom.check(
                request("xianjie.clue", from: "hutubi.housing", "agency", to: [(Sample.procuratorate, "procuratorate")])
            ).isAllowed)
        #expect(
            !custom.check(
                request("xianjie.clue", from: "hutubi.market", "agency", to: [("other.procuratorate", "procuratorate")])
            ).isAllowed)
    }

    @Test(
        "a malformed policy file is refused with the file, the rule and the problem named",
        arguments: [
            (#"{"rules": [ {"types": ["xianjie.clue"] "#, "is not valid JSON"),
            (#"{"rule": []}"#, #"unknown key "rule" in the policy"#),
            (
                #"{"rules": [{"types": ["xianjie.clue"], "senders": {"kinds": ["audit"]}, "recipients": {"kinds": ["procuratorate"]}}]}"#,
                #"rule 1: unknown kind "audit" in "senders"; kinds are congress, procuratorate, agency, station, coordinator, operator (a new kind is declared first in the policy's "kinds")"#
            ),
            (#"{"kinds": {"Audit": "审计局"}, "rules": []}"#, #""Audit" in "kinds" is not a kind name"#),
            (#"{"kinds": {"station": "联络站"}, "rules": []}"#, #""station" in "kinds" is a built-in kind"#),
            (#"{"kinds": {"audit": 1}, "rules": []}"#, #""kinds"."audit" must be a string"#),
            (#"{"kinds": ["audit"], "rules": []}"#, #""kinds" must be an object"#),
            (#"[]"#, "must hold a JSON object"),
            (
                AccessPolicyTests.secondRule(
                    #""types": ["xianjie.clue"], "senders": {"kinds": ["procuratorat"]}, "recipients": {"kinds": ["procuratorate"]}"#
                ),
                #"rule 2 ("second"): unknown kind "procuratorat" in "senders""#
            ),
            (
                AccessPolicyTests.secondRule(
                    #""types": ["xianjie.procuratorialSugestion"], "senders": {"kinds": ["procuratorate"]}, "recipients": {"kinds": ["agency"]}"#
                ),
                #"rule 2 ("second"): unknown message type "xianjie.procuratorialSugestion""#
            ),
            (
                AccessPolicyTests.secondRule(
                    #""types": ["xianjie.bus.hello"], "senders": {"kinds": ["station"]}, "topics": ["notices"]"#),
                "rule 2 (\"second\"): xianjie.bus.hello is a bus control type; control types are always allowed"
            ),
            (
                AccessPolicyTests.secondRule(
                    #""types": ["xianjie.clue"], "senders": {"kinds": ["station"]}, "recipient": {"kinds": ["procuratorate"]}"#
                ),
                #"rule 2 ("second"): unknown key "recipient" in a rule"#
            ),
            (
                AccessPolicyTests.secondRule(#""types": ["xianjie.clue"], "senders": {"kinds": ["station"]}"#),
                #"rule 2 ("second"): the rule has neither "recipients" nor "topics""#
            ),
            (
                AccessPolicyTests.secondRule(#""types": ["xianjie.clue"], "senders": {}, "topics": ["notices"]"#),
                #"rule 2 ("second"): "senders" names no kind and no agency"#
            ),
            (
                AccessPolicyTests.secondRule(#""types": ["xianjie.clue"], "recipients": {"kinds": ["procuratorate"]}"#),
                #"rule 2 ("second"): "senders" is missing"#
            ),
            (
                AccessPolicyTests.secondRule(
                    #""types": "xianjie.clue", "senders": {"kinds": ["station"]}, "topics": ["notices"]"#),
                #"rule 2 ("second"): "types" must be an array of strings"#
            ),
            (
                AccessPolicyTests.secondRule(#""types": [], "senders": {"kinds": ["station"]}, "topics": ["notices"]"#),
                #"rule 2 ("second"): "types" is empty"#
            ),
            (
                AccessPolicyTests.secondRule(
                    #""types": ["xianjie.workBulletin"], "senders": {"kinds": ["station"]}, "topics": ["no tices"]"#),
                #"rule 2 ("second"): "no tices" is not a topic"#
            ),
            (
                AccessPolicyTests.secondRule(
                    #""types": ["xianjie.clue"], "senders": {"agencies": ["Hutubi Market"]}, "recipients": {"kinds": ["procuratorate"]}"#
                ),
                #"rule 2 ("second"): "Hutubi Market" is not an agency id"#
            ),
        ])
    func malformedFile(json: String, problem: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("policy.json")
        try Data(json.utf8).write(to: file)
        let error = try #require(throws: PolicyError.self) { try AccessPolicy.load(from: file) }
        #expect(error.message.hasPrefix("the access policy \(file.path)"), "\(error)")
        #expect(error.message.contains(problem), "\(error)")
    }

    @Test("a missing policy file is named")
    func missingFile() {
        let file = URL(fileURLWithPath: "/nonexistent/xianjie/policy.json")
        let error = #expect(throws: PolicyError.self) { try AccessPolicy.load(from: file) }
        #expect(error?.message.contains(file.path) == true)
    }

    /// A policy whose first rule is valid and whose second rule (note "second") has these members.
    static func secondRule(_ members: String) -> String {
        #"{"rules": [{"types": ["xianjie.clue"], "senders": {"kinds": ["station"]}, "recipients": {"kinds": ["procuratorate"]}}, {"note": "second", "#
            + members + "}]}"
    }

    /// The sample county's policy as a file: what `deploy/` ships. It must stay equal to `AccessPolicy.countyDefault`.
    static let countyExample = #"""
        {
          "description": "Sample county (呼图壁县): who may send which document to whom. DOMAIN.md §2, §4.",
          "rules": [
            {
              "types": ["xianjie.deputySuggestion"],
              "senders": { "kinds": ["congress"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency"] },
              "note": "代表建议: registered by congress, shared with the procuratorate and assigned to agencies"
            },
            {
              "types": ["xianjie.deputySuggestion"],
              "senders": { "kinds": ["station"] },
              "recipients": { "kinds": ["congress"] },
              "note": "代表建议 drafted at a liaison station goes to congress for registration"
            },
            {
              "types": ["xianjie.suggestionTransfer"],
              "senders": { "kinds": ["congress"] },
              "recipients": { "kinds": ["procuratorate", "congress"] },
              "note": "转交: congress to the procuratorate, copied to the supervision committee"
            },
            {
              "types": ["xianjie.transferAssessment"],
              "senders": { "kinds": ["procuratorate"] },
              "recipients": { "kinds": ["congress"] },
              "note": "研判结果: the procuratorate answers the congress's transfer"
            },
            {
              "types": ["xianjie.procuratorialSuggestion"],
              "senders": { "kinds": ["procuratorate"] },
              "recipients": { "kinds": ["agency", "congress", "procuratorate"] },
              "note": "检察建议书: only a procuratorate issues it; copy to congress, filing with the superior"
            },
            {
              "types": ["xianjie.rectificationReply"],
              "senders": { "kinds": ["agency"] },
              "recipients": { "kinds": ["procuratorate", "congress"] },
              "note": "书面回复: the agency answers the procuratorate, copied to congress"
            },
            {
              "types": ["xianjie.clue"],
              "senders": { "kinds": ["station", "congress", "procuratorate"] },
              "recipients": { "kinds": ["procuratorate"] },
              "note": "线索: to the handling procuratorate only (the reporter may be confidential)"
            },
            {
              "types": ["xianjie.workBulletin"],
              "senders": { "kinds": ["congress", "procuratorate", "coordinator"] },
              "topics": ["notices"],
              "note": "工作专报: broadcast to everyone on notices"
            },
            {
              "types": ["xianjie.suggestionAssignment"],
              "senders": { "kinds": ["congress"] },
              "recipients": { "kinds": ["agency", "congress", "procuratorate"] },
              "note": "交办: congress assigns a suggestion to its host and co-units, copied to the procuratorate"
            },
            {
              "types": ["xianjie.suggestionHandling", "xianjie.replyLetter"],
              "senders": { "kinds": ["agency"] },
              "recipients": { "kinds": ["congress"] },
              "note": "承办 / 答复函: the host unit accepts, asks for the extended period and replies through congress"
            },
            {
              "types": ["xianjie.feedbackRequest"],
              "senders": { "kinds": ["congress"] },
              "recipients": { "kinds": ["station", "congress", "agency"] },
              "note": "征询意见: congress asks the deputy, through a liaison station, copied to the host unit"
            },
            {
              "types": ["xianjie.deputyFeedback"],
              "senders": { "kinds": ["congress", "station"] },
              "recipients": { "kinds": ["congress", "agency"] },
              "note": "征询意见表: the deputy's rating, relayed by congress or a liaison station, to congress and the host unit"
            },
            {
              "types": ["xianjie.caseFilingDecision", "xianjie.caseProgress", "xianjie.terminationDecision", "xianjie.litigationComplaint"],
              "senders": { "kinds": ["procuratorate"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency"] },
              "note": "立案决定书, 办案进展, 终结决定书, 起诉书: only a procuratorate; to congress, the superior and the agency concerned"
            },
            {
              "types": ["xianjie.suggestionCopy"],
              "senders": { "kinds": ["procuratorate"] },
              "recipients": { "kinds": ["congress"] },
              "note": "抄送人大: the procuratorate copies a procuratorial suggestion to congress"
            },
            {
              "types": ["xianjie.objection"],
              "senders": { "kinds": ["agency"] },
              "recipients": { "kinds": ["procuratorate", "congress"] },
              "note": "异议: the addressed agency objects to the procuratorate, copied to congress"
            },
            {
              "types": ["xianjie.conversionDecision"],
              "senders": { "kinds": ["congress"] },
              "recipients": { "kinds": ["procuratorate", "congress"] },
              "note": "转化研判: congress screens a copied suggestion and tells the procuratorate"
            },
            {
              "types": ["xianjie.issueList", "xianjie.responsibilityList", "xianjie.verification", "xianjie.lookBack"],
              "senders": { "kinds": ["congress", "procuratorate"] },
              "recipients": { "kinds": ["agency", "congress", "procuratorate", "station"] },
              "note": "问题清单, 责任清单, 核查, 回头看: congress or the procuratorate, to the units, each other and the stations"
            },
            {
              "types": ["xianjie.rectificationList", "xianjie.rectificationProgress"],
              "senders": { "kinds": ["agency"] },
              "recipients": { "kinds": ["congress", "procuratorate"] },
              "note": "整改清单, 整改进展: the responsible unit reports to congress and the procuratorate"
            },
            {
              "types": ["xianjie.deadlineNotice"],
              "senders": { "kinds": ["coordinator"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "note": "提醒 / 逾期通知: only the coordinator's deadline engine sends them"
            },
            {
              "types": ["xianjie.meetingNotice"],
              "senders": { "kinds": ["coordinator", "congress", "procuratorate"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "note": "联席会议通知: the coordinator (by cadence), congress or the procuratorate calls a joint meeting"
            },
            {
              "types": ["xianjie.agendaMotion"],
              "senders": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "recipients": { "kinds": ["congress", "procuratorate"] },
              "note": "议题提议: any member proposes an agenda item to the congress and procuratorate sides"
            },
            {
              "types": ["xianjie.meetingAgenda"],
              "senders": { "kinds": ["coordinator"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "note": "会议议程: only the coordinator freezes and sends the agenda"
            },
            {
              "types": ["xianjie.meetingAttendance", "xianjie.jointMeetingMinutes", "xianjie.minutesCosign"],
              "senders": { "kinds": ["congress", "procuratorate"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "note": "签到, 联席会议纪要, 纪要会签: the congress and procuratorate sides record the meeting, to every member"
            },
            {
              "types": ["xianjie.assignmentProgress"],
              "senders": { "kinds": ["agency", "congress", "procuratorate"] },
              "recipients": { "kinds": ["congress", "procuratorate"] },
              "note": "交办事项进展: the responsible unit reports on a meeting's decision to congress and the procuratorate"
            },
            {
              "types": ["xianjie.cooperationAgreement", "xianjie.agreementSignature", "xianjie.agreementStatusChange"],
              "senders": { "kinds": ["procuratorate", "congress"] },
              "recipients": { "kinds": ["procuratorate", "congress"] },
              "note": "跨区域协作机制意见, 会签, 暂停 / 恢复 / 终止: the parties of a cross-region agreement (procuratorates, possibly congresses) draft, sign, suspend, resume or end it, to each other"
            },
            {
              "types": ["xianjie.clueTransfer", "xianjie.clueTransferAck", "xianjie.clueTransferFeedback", "xianjie.jurisdictionDispute", "xianjie.assistanceRequest", "xianjie.assistanceResult", "xianjie.informationShare"],
              "senders": { "kinds": ["procuratorate"] },
              "recipients": { "kinds": ["procuratorate", "congress"] },
              "note": "线索移送函, 签收登记, 办理结果反馈, 管辖争议, 委托调查取证 and its result, 信息共享: between the procuratorates of an agreement, copied to congress"
            },
            {
              "types": ["xianjie.hearingNotice", "xianjie.hearingRecord"],
              "senders": { "kinds": ["procuratorate"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "note": "听证公告, 听证笔录: only a procuratorate announces and records a hearing; to congress, the superior, the agency concerned and the stations whose deputies sit as hearing officers"
            },
            {
              "types": ["xianjie.participationRecord"],
              "senders": { "kinds": ["procuratorate", "congress", "station"] },
              "recipients": { "kinds": ["congress", "procuratorate"] },
              "note": "代表参与检察活动档案: the procuratorate, congress or a liaison station records a deputy's participation, to congress and the procuratorate"
            },
            {
              "types": ["xianjie.inquiryTopic", "xianjie.inquiryProgress", "xianjie.inquiryAssignment", "xianjie.inquiryOpinions", "xianjie.inquiryLookBack", "xianjie.interpellation", "xianjie.interpellationDecision", "xianjie.interpellationAssessment", "xianjie.specificInvestigation", "xianjie.evaluationSchedule", "xianjie.ballotResult"],
              "senders": { "kinds": ["congress"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency"] },
              "note": "专题询问, 质询, 特定问题调查, 满意度测评: only congress escalates and evaluates; to congress, the procuratorate and the units concerned"
            },
            {
              "types": ["xianjie.inquiryClaim", "xianjie.inquiryHandlingReport", "xianjie.interpellationAnswer"],
              "senders": { "kinds": ["agency", "procuratorate"] },
              "recipients": { "kinds": ["congress", "procuratorate"] },
              "note": "认领, 办理情况报告, 质询答复: the unit questioned (an agency, or the procuratorate) claims and reports on an inquiry's problems and answers an interpellation, to congress and the procuratorate"
            },
            {
              "types": ["xianjie.attachmentChunk"],
              "senders": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "recipients": { "kinds": ["congress", "procuratorate", "agency", "station"] },
              "note": "附件分块: the bytes of a file a document references travel before it, to the same recipients (the document itself is checked by its own rule)"
            }
          ]
        }
        """#
}
