import Foundation
import Testing
import XianjieDesk
import XianjieMessages

/// Issue 6: a clerk's flow on the page of each of the four services, in a real headless chromium — see
/// an item, act on it through a form built from the document's schema, see it move. Screenshots go to
/// `$XIANJIE_SCREENSHOTS` (default /tmp/xianjie-desk-screenshots).
@Suite(.serialized) struct DeskPageTests {
    typealias A = AgencyServiceTests
    static let screenshots = ProcessInfo.processInfo.environment["XIANJIE_SCREENSHOTS"] ?? "/tmp/xianjie-desk-screenshots"

    static func shoot(_ browser: Browser, _ name: String) {
        try? FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
        try? browser.screenshot("\(screenshots)/\(name).png")
    }

    static func open(_ browser: Browser, _ desk: DeskClient) throws {
        try browser.open(desk.base + "/")
        #expect(try browser.waitFor("document.body.dataset.ready === 'true'", timeoutMs: 10_000) != nil)
    }

    /// Waits for the form's result; its outcome (`accepted`, `pending`, `error`).
    static func result(_ browser: Browser) throws -> String? {
        _ = try browser.waitFor("!!document.querySelector('#result').dataset.outcome", timeoutMs: 10_000)
        let outcome = try browser.eval("document.querySelector('#result').dataset.outcome") as? String
        if outcome != "accepted" { print("desk page result: \(try browser.eval("document.querySelector('#result').textContent") ?? "")") }
        return outcome
    }

    @Test(.timeLimit(.minutes(4)))
    func aClerksFlowOnEachServicesPage() async throws {
        let cluster = try await A.county()
        defer { cluster.stopAll() }
        let browser = try Browser()
        defer { browser.quit() }
        let congress = try cluster.desk(A.congress)
        let id = "HTB-2024-041"

        // Congress: register a deputy's suggestion through the form; an empty title is refused and highlighted.
        try Self.open(browser, congress)
        try browser.click("#new-registerSuggestion")
        #expect(try browser.waitFor("!!document.querySelector('[name=\"/data/title\"]')", timeoutMs: 5000) != nil)
        try browser.type("[name='/data/suggestionId']", id)
        try browser.type("[name='/data/content']", "小区窨井盖缺失，夜间行人易坠落。")
        try browser.type("[name='/data/leadDeputy/name']", "李建华")
        try browser.type("[name='/data/leadDeputy/personId']", "D-023")
        try browser.type("[name='/data/session']", "betweenSessions")
        try browser.type("[name='/data/domain']", "workSafety")
        try browser.click("[name='/data/impact/harmsPublicInterest']")
        try browser.click("[name='/data/impact/wideSocialImpact']")
        try browser.submit("#action-form")
        #expect(try Self.result(browser) == "error")
        #expect(try browser.eval("!!document.querySelector('[data-field=\"/data/title\"].invalid')") as? Bool == true)
        Self.shoot(browser, "congress-error")
        _ = try browser.eval("document.querySelector('#result').dataset.outcome = ''")
        try browser.type("[name='/data/title']", "窨井盖缺失破损威胁行人安全")
        try browser.submit("#action-form")
        #expect(try Self.result(browser) == "accepted")
        #expect(try browser.waitFor("!!document.querySelector('#items li[data-subject=\"\(id)\"]')", timeoutMs: 5000) != nil)
        // Open it and assign it to the housing bureau: the timeline shows the assignment accepted.
        try browser.click("#items li[data-subject='\(id)']")
        #expect(try browser.waitFor("!!document.querySelector('#action-assignSuggestion')", timeoutMs: 5000) != nil)
        #expect(try browser.eval("document.querySelector('#process-state b').dataset.state") as? String == "registered")
        try browser.click("#action-assignSuggestion")
        #expect(try browser.waitFor("!!document.querySelector('[name=\"/data/hostUnit\"]')", timeoutMs: 5000) != nil)
        _ = try browser.eval("document.querySelector('#result').dataset.outcome = ''")
        try browser.type("[name='/data/hostUnit']", A.housing)
        try browser.submit("#action-form")
        #expect(try Self.result(browser) == "accepted")
        #expect(
            try browser.waitFor(
                "!!document.querySelector('#timeline li[data-type=\"xianjie.suggestionAssignment\"][data-state=\"accepted\"]') && document.querySelector('#process-state b').dataset.state === 'assigned'",
                timeoutMs: 5000) != nil)
        Self.shoot(browser, "congress-assigned")

        // The housing bureau's clerk sees it arrive as a to-do and reads it.
        try Self.open(browser, try cluster.desk(A.housing))
        #expect(try browser.waitFor("!!document.querySelector('#items li[data-subject=\"\(id)\"] .awaiting')", timeoutMs: 10_000) != nil)
        try browser.click("#items li[data-subject='\(id)']")
        #expect(try browser.waitFor("document.querySelector('#timeline')?.innerText.includes('hutubi.housing')", timeoutMs: 5000) != nil)
        #expect(try browser.eval("!!document.querySelector('#action-replyToDeputy')") as? Bool == true)
        Self.shoot(browser, "agency-inbox")

        // The procuratorate's clerk assesses the transfer (sent by the congress's system over its API).
        let transfer = try await congress.act(
            "suggestions/\(id)/transfer",
            ["title": "窨井盖", "summary": "窨井盖缺失", "domain": "workSafety", "impact": ["harmsPublicInterest": true, "wideSocialImpact": true]])
        #expect(transfer.status == 201, "\(transfer.text)")
        try Self.open(browser, try cluster.desk(A.procuratorate))
        #expect(try browser.waitFor("!!document.querySelector('#items li[data-subject=\"\(id)\"]')", timeoutMs: 10_000) != nil)
        try browser.click("#items li[data-subject='\(id)']")
        #expect(try browser.waitFor("!!document.querySelector('#action-assessTransfer')", timeoutMs: 5000) != nil)
        try browser.click("#action-assessTransfer")
        #expect(try browser.waitFor("!!document.querySelector('[name=\"/data/outcome\"]')", timeoutMs: 5000) != nil)
        try browser.type("[name='/data/outcome']", "filed")
        try browser.type("[name='/data/caseId']", "HTJ-2024-21")
        try browser.submit("#action-form")
        #expect(try Self.result(browser) == "accepted")
        #expect(
            try browser.waitFor(
                "!!document.querySelector('#timeline li[data-type=\"xianjie.transferAssessment\"][data-state=\"accepted\"]')", timeoutMs: 5000)
                != nil)
        Self.shoot(browser, "procuratorate-assessed")

        // The station's clerk registers a clue and imports a small hotline export with two bad rows.
        try Self.open(browser, try cluster.desk(A.station))
        try browser.click("#new-registerClue")
        #expect(try browser.waitFor("!!document.querySelector('[name=\"/data/clueId\"]')", timeoutMs: 5000) != nil)
        try browser.type("[name='/data/clueId']", "DXQ-2024-011")
        try browser.type("[name='/data/channel']", "receptionDay")
        try browser.type("[name='/data/place']", "大西渠镇")
        try browser.type("[name='/data/description']", "河道旁堆放建筑垃圾")
        try browser.click("[name='/data/confidential']")
        try browser.submit("#action-form")
        #expect(try Self.result(browser) == "accepted")
        #expect(try browser.waitFor("!!document.querySelector('#items li[data-subject=\"DXQ-2024-011\"]')", timeoutMs: 5000) != nil)
        let sample = String(decoding: HotlineCSV.sample(rows: 20, badEvery: 10).csv, as: UTF8.self)
        try browser.type("#import-text", sample)
        try browser.click("#import-start")
        #expect(try browser.waitFor("document.querySelector('#import-job')?.dataset.state === 'done'", timeoutMs: 20_000) != nil)
        #expect(try browser.eval("document.querySelector('#import-job').dataset.refused") as? String == "2")
        #expect(try browser.eval("document.querySelectorAll('#import-problems tr[data-line]').length") as? Int == 2)
        Self.shoot(browser, "station-import")

        // English on demand.
        try browser.click("#lang-toggle")
        #expect(try browser.waitFor("document.querySelector('h2[data-t=\"items\"]').textContent === 'Items'", timeoutMs: 3000) != nil)
        #expect(try browser.eval("document.querySelector('#new-registerClue').textContent") as? String == "Register a clue")
        Self.shoot(browser, "station-english")
    }
}
