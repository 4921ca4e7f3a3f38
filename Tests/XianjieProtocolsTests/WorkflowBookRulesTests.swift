import Foundation
import Testing
import XianjieMessages

@testable import XianjieProtocols

/// Who may act on a shared process, and documents that would corrupt the book instead of moving it.
@Suite struct WorkflowBookRulesTests {
    static let congress: AgencyID = "hutubi.congress"
    static let procuratorate: AgencyID = "hutubi.procuratorate"
    static let superior: AgencyID = "changji.procuratorate"
    static let market: AgencyID = "hutubi.market"
    static let water: AgencyID = "hutubi.water"
    static let chief = Person(name: "张检察长", personId: "P-1")
    let now = Date()

    func admit<P: MessagePayload>(
        _ book: inout WorkflowBook, _ payload: P, from sender: AgencyID, kind: String, on date: String = "2024-09-02",
        to recipients: [AgencyID]? = nil
    ) throws(ProtocolViolation) -> WorkflowChange? {
        let data = try! XianjieJSON.encode(payload)
        return try book.admit(
            type: P.messageType, data: data, sender: sender, senderKind: kind, on: day(date), recipients: recipients)
    }

    func refused<P: MessagePayload>(
        _ book: inout WorkflowBook, _ payload: P, from sender: AgencyID, kind: String, to recipients: [AgencyID]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ProtocolViolation.Rule? {
        let before = book.records
        do {
            _ = try admit(&book, payload, from: sender, kind: kind, to: recipients)
            Issue.record("\(P.messageType) was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(book.records == before, "a refused document changed the book", sourceLocation: sourceLocation)
            return error.rule
        }
    }

    func filed(_ book: inout WorkflowBook, _ caseId: String = "C-1") throws {
        _ = try admit(
            &book,
            CaseFilingDecision(
                caseId: caseId, decision: .filed, originClueId: "clue", domain: .foodAndDrugSafety, summary: "s",
                decidedAt: now, approvedBy: Self.chief), from: Self.procuratorate, kind: "procuratorate")
        _ = try admit(&book, CaseProgress(caseId: caseId, step: .investigationStarted, at: now), from: Self.procuratorate, kind: "procuratorate")
    }

    func suggestion(_ caseId: String = "C-1", to addressee: AgencyID = market) -> ProcuratorialSuggestion {
        ProcuratorialSuggestion(
            documentNumber: "N-1", caseId: caseId, kind: .publicInterest, addressee: addressee, facts: "f", legalBasis: "l",
            recommendations: ["r"], urgent: false, issuedAt: now, replyDueBy: day("2024-11-02"), approvedBy: Self.chief,
            deliveryMode: .written)
    }

    @Test func anotherProcuratorateMayNotActOnACase() throws {
        var book = WorkflowBook()
        try filed(&book)
        // The superior procuratorate is a procuratorate too, but the case is hutubi's.
        #expect(
            refused(&book, CaseProgress(caseId: "C-1", step: .filedWithSuperior, at: now), from: Self.superior, kind: "procuratorate")
                == .wrongParty)
        #expect(book["C-1"]?.parties["procuratorate"] == Self.procuratorate)
    }

    @Test func onlyTheLeadDeputyRatesASuggestion() throws {
        var book = WorkflowBook()
        let lead = Person(name: "李建华", personId: "D-023")
        _ = try admit(
            &book,
            DeputySuggestion(
                suggestionId: "S-1", title: "t", content: "c", leadDeputy: lead, session: .betweenSessions, submittedAt: now),
            from: Self.congress, kind: "congress")
        _ = try admit(
            &book, SuggestionAssignment(suggestionId: "S-1", hostUnit: Self.water, coUnits: [], assignedAt: now),
            from: Self.congress, kind: "congress")
        _ = try admit(&book, ReplyLetter(suggestionId: "S-1", content: "c", measures: [], repliedAt: now), from: Self.water, kind: "agency")
        let other = DeputyFeedback(suggestionId: "S-1", deputy: Person(name: "王", personId: "D-999"), rating: .satisfied, ratedAt: now)
        #expect(refused(&book, other, from: Self.congress, kind: "congress") == .leadDeputyRequired)
        let rated = try admit(
            &book, DeputyFeedback(suggestionId: "S-1", deputy: lead, rating: .satisfied, ratedAt: now), from: Self.congress,
            kind: "congress")
        #expect(rated?.records["S-1"]?.process.stateName == "closed")
    }

    @Test func anAddresseeMustReceiveTheDocumentThatObligesIt() throws {
        var book = WorkflowBook()
        try filed(&book)
        #expect(
            refused(&book, suggestion(), from: Self.procuratorate, kind: "procuratorate", to: [Self.congress]) == .invalidArgument)
        _ = try admit(&book, suggestion(), from: Self.procuratorate, kind: "procuratorate", to: [Self.market, Self.congress])
        #expect(book["C-1"]?.process.stateName == "awaitingReply")
    }

    @Test func anIdOfOneKindOfProcessCannotOpenAnother() throws {
        var book = WorkflowBook()
        try filed(&book)
        let colliding = DeputySuggestion(
            suggestionId: "C-1", title: "t", content: "c", leadDeputy: Person(name: "李", personId: "D-1"),
            session: .betweenSessions, submittedAt: now)
        #expect(refused(&book, colliding, from: Self.congress, kind: "congress") == .wrongProcess)
        let twice = IssueList(
            listId: "L", items: [IssueList.Item(itemId: "W-1", problem: "p"), IssueList.Item(itemId: "W-1", problem: "p")],
            issuedAt: now)
        #expect(refused(&book, twice, from: Self.procuratorate, kind: "procuratorate") == .invalidArgument)
    }

    @Test func aRegressionMustReopenUnderANewId() throws {
        var book = WorkflowBook()
        try filed(&book)
        _ = try admit(
            &book, IssueList(listId: "L", items: [IssueList.Item(itemId: "W-1", problem: "机井")], issuedAt: now),
            from: Self.procuratorate, kind: "procuratorate")
        let steps: [any MessagePayload] = [
            ResponsibilityList(
                listId: "L", assignments: [.init(itemId: "W-1", unit: Self.water, leadPerson: "局长", deadline: day("2024-10-01"))],
                issuedAt: now),
            RectificationList(listId: "L", plans: [.init(itemId: "W-1", measures: ["止回阀"])], submittedAt: now),
            RectificationProgress(itemId: "W-1", step: .started, report: "r", at: now),
            RectificationProgress(itemId: "W-1", step: .completed, report: "r", at: now),
            Verification(itemId: "W-1", passed: true, findings: "f", verifiedAt: now),
            LookBack(subjectId: "W-1", scheduledFor: day("2025-03-01"), at: now),
        ]
        for payload in steps {
            let sender = payload is RectificationList || payload is RectificationProgress ? Self.water : Self.procuratorate
            _ = try admit(&book, payload, from: sender, kind: sender == Self.water ? "agency" : "procuratorate")
        }
        // "C-1" is a case: the regressed item cannot reopen as it.
        let onCase = LookBack(subjectId: "W-1", findings: "反弹", confirmed: false, newItemId: "C-1", at: now)
        #expect(refused(&book, onCase, from: Self.procuratorate, kind: "procuratorate") == .alreadyDone)
        _ = try admit(
            &book, LookBack(subjectId: "W-1", findings: "反弹", confirmed: false, newItemId: "W-1b", at: now),
            from: Self.procuratorate, kind: "procuratorate")
        #expect(book["W-1b"]?.process.stateName == "identified")
    }

    /// 会签 of the S101 agreement's draft by `signers`.
    func sign(_ book: inout WorkflowBook, by signers: [AgencyID]) throws {
        for party in signers {
            let signature = AgreementSignature(
                agreementId: AgreementFixture.agreementId, version: 1, signedBy: Person(name: "检察长"), signedAt: now)
            _ = try admit(&book, signature, from: party, kind: "procuratorate")
        }
    }

    /// 线索移送 only under an agreement in force (every party signed), and only between its parties.
    @Test func aClueTransferNeedsTheAgreementInForceAndParties() throws {
        let (manas, hutubi, outsider) = (ClueTransferFixture.from, ClueTransferFixture.to, AgreementFixture.outsider)
        let transfer = ClueTransfer(
            transferId: "XS-1", agreementId: AgreementFixture.agreementId, clueId: "MN-2024-08", domain: .ecologyAndResources,
            segment: "呼图壁段", place: "S101 K32 路侧排污口", summary: "路侧排污口直排农田", sentAt: now)
        var book = WorkflowBook()
        _ = try admit(&book, AgreementFixture.v1, from: hutubi, kind: "procuratorate")
        try sign(&book, by: [hutubi, manas])
        #expect(book[AgreementFixture.agreementId]?.process.stateName == "negotiating")
        #expect(refused(&book, transfer, from: manas, kind: "procuratorate", to: [hutubi]) == .agreementNotActive)
        #expect(book["XS-1"] == nil)

        try sign(&book, by: [AgreementFixture.shawan])
        #expect(book[AgreementFixture.agreementId]?.process.stateName == "active")
        #expect(refused(&book, transfer, from: manas, kind: "procuratorate", to: [outsider]) == .notAParty)
        #expect(refused(&book, transfer, from: outsider, kind: "procuratorate", to: [hutubi]) == .notAParty)
        #expect(book["XS-1"] == nil)
        let sent = try #require(try admit(&book, transfer, from: manas, kind: "procuratorate", to: [hutubi]))
        let record = try #require(sent.records["XS-1"])
        #expect(record.process.stateName == "sent")
        let acknowledgement = record.process.timers.deadline(.clueAcknowledgement)
        #expect(acknowledgement?.due == day("2024-09-09") && acknowledgement?.obligated == .agency(hutubi))
    }

    /// 听证笔录: the hearing closes and every one of its officers gets a participation record, whether or
    /// not they gave an opinion.
    @Test func aHearingRecordRecordsEachOfficersParticipation() throws {
        /// 09:00 in the calendar's time zone (UTC+8) on `text`.
        func at(_ text: String) -> Date {
            Date(timeIntervalSince1970: Double(GregorianDay(day(text)).ordinal * 86_400 + 3_600))
        }
        func notice(startsAt: String) -> HearingNotice {
            HearingNotice(
                hearingId: "TZ-1", caseId: "C-1", title: "机井污染整改听证", place: "呼图壁县人民检察院听证室", startsAt: at(startsAt),
                hearingOfficers: HearingFixture.officers, announcedAt: now)
        }
        var book = WorkflowBook()
        try filed(&book)
        #expect(refused(&book, notice(startsAt: "2024-09-04"), from: Self.procuratorate, kind: "procuratorate") == .invalidArgument)
        let announced = try #require(try admit(&book, notice(startsAt: "2024-09-05"), from: Self.procuratorate, kind: "procuratorate"))
        #expect(announced.records["TZ-1"]?.process.stateName == "prepared" && announced.participations.isEmpty)

        let record = HearingRecord(
            hearingId: "TZ-1", caseId: "C-1", heldAt: at("2024-09-05"), opinions: Array(HearingFixture.opinions.prefix(2)),
            summary: "听证员一致建议督促整改")
        let held = try #require(try admit(&book, record, from: Self.procuratorate, kind: "procuratorate", on: "2024-09-05"))
        #expect(held.records["TZ-1"]?.process.stateName == "closed")
        let expected = HearingFixture.officers.map { officer in
            ParticipationEntry(
                recordId: "TZ-1/\(officer.personId ?? "")", personId: officer.personId ?? "", name: officer.name, activity: .hearing,
                role: .hearingOfficer, day: day("2024-09-05"), subjectId: "C-1", source: Self.procuratorate)
        }
        #expect(held.participations == expected)
    }

    @Test func aFailedVerificationWatchesTheDeadlineAgain() throws {
        var item = ThreeListsProcess(itemId: "W-1", problem: "机井")
        let unit = ProtocolActor.agency(Self.water)
        _ = try item.received(.assign(unit: Self.water, leadPerson: "局长", deadline: day("2024-10-01")), at: day("2024-09-02"), by: .procuratorate)
        _ = try item.received(.submitPlan, at: day("2024-09-03"), by: unit)
        _ = try item.received(.startWork, at: day("2024-09-04"), by: unit)
        _ = try item.received(.reportDone, at: day("2024-09-20"), by: unit)
        #expect(!item.timers.isRunning(.rectification))
        let failed = try item.received(.verify(passed: false), at: day("2024-09-25"), by: .procuratorate)
        #expect(failed.to == .inProgress)
        #expect(item.timers.deadline(.rectification)?.due == day("2024-10-01"))
    }
}
