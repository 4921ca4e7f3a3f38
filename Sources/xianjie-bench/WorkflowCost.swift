import ArgumentParser
import Foundation
import XianjieMessages
import XianjieProtocols

/// What enforcing the joint protocols costs the coordinator: admitting a document into the book of
/// shared processes, and one day of the deadline engine over many open processes.
struct WorkflowCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow", abstract: "Per-document cost of protocol enforcement and of a deadline-engine day.")

    @Option(help: "Cases to open (each: filing decision, investigation, procuratorial suggestion).") var cases = 10_000

    func run() async throws {
        var book = WorkflowBook()
        let procuratorate: AgencyID = "bench.procuratorate"
        let chief = Person(name: "检察长", personId: "P-1")
        let now = Date()
        var documents: [(MessageType, Data)] = []
        for n in 0..<cases {
            let caseId = "C-\(n)"
            documents.append(
                (CaseFilingDecision.messageType,
                 try XianjieJSON.encode(
                    CaseFilingDecision(
                        caseId: caseId, decision: .filed, originClueId: "clue-\(n)", domain: .ecologyAndResources,
                        summary: "bench", decidedAt: now, approvedBy: chief))))
            documents.append(
                (CaseProgress.messageType, try XianjieJSON.encode(CaseProgress(caseId: caseId, step: .investigationStarted, at: now))))
            documents.append(
                (ProcuratorialSuggestion.messageType,
                 try XianjieJSON.encode(
                    ProcuratorialSuggestion(
                        documentNumber: "N-\(n)", caseId: caseId, kind: .publicInterest, addressee: "bench.agency",
                        facts: "f", legalBasis: "l", recommendations: ["r"], urgent: n % 10 == 0, issuedAt: now,
                        replyDueBy: CalendarDate(rawValue: "2024-09-01")!, approvedBy: chief, deliveryMode: .written))))
        }
        let day = CalendarDate(rawValue: "2024-07-01")!
        let start = ContinuousClock.now
        for (type, data) in documents {
            _ = try book.admit(type: type, data: data, sender: procuratorate, senderKind: "procuratorate", on: day)
        }
        let admitted = (ContinuousClock.now - start).microseconds
        print(String(format: "admit a document (decode + state machine)   %8.2f µs  (%d documents)",
                     admitted / Double(documents.count), documents.count))

        var ordinal = GregorianDay(day).ordinal + 1
        var quiet: [Double] = []
        var busiest = (micros: 0.0, alerts: 0)
        for _ in 0..<90 {
            let started = ContinuousClock.now
            let change = book.advance(to: GregorianDay(ordinal: ordinal).calendarDate)
            let micros = (ContinuousClock.now - started).microseconds
            if change.alerts.isEmpty { quiet.append(micros) }
            if change.alerts.count > busiest.alerts { busiest = (micros, change.alerts.count) }
            ordinal += 1
        }
        quiet.sort()
        print(String(format: "deadline-engine day, %d open cases, nothing due %8.0f µs (median)",
                     cases, quiet.isEmpty ? 0 : quiet[quiet.count / 2]))
        print(String(format: "deadline-engine day, busiest (%d notices)      %8.0f µs", busiest.alerts, busiest.micros))
    }
}
