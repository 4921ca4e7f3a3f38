import Crypto
import XianjieDesk
import Foundation
import Testing
import XianjieMessages

/// Issue 6: the four agency services as their IT teams run them — separate processes started from
/// their configuration files, driven only through their HTTP APIs — carrying DOMAIN.md scenario 2
/// (窨井盖) and a station's clue, with attachments, bad input and restarts.
@Suite(.serialized) struct AgencyServiceTests {
    typealias W = WorkflowScenarioTests
    static let congress = "hutubi.congress"
    static let procuratorate = "hutubi.procuratorate"
    static let housing = "hutubi.housing"
    static let station = "hutubi.station.daxiqu"

    /// A county of the four services around a coordinator with the driven clock of scenario 2.
    static func county(start: String = "2024-06-07") async throws -> Cluster {
        let cluster = try Cluster(
            coordinator: ["clock": ["driven": true, "start": start], "workflow": ["calendar": ScenarioCounty.calendar]])
        try cluster.addService(congress, kind: "congress", counterparts: ["procuratorate": procuratorate])
        try cluster.addService(procuratorate, kind: "procuratorate", counterparts: ["congress": congress])
        try cluster.addService(housing, kind: "agency", counterparts: ["congress": congress, "procuratorate": procuratorate])
        try cluster.addService(station, kind: "station", counterparts: ["congress": congress, "procuratorate": procuratorate])
        try cluster.startCoordinator()
        for (agency, kind) in [(congress, "congress"), (procuratorate, "procuratorate"), (housing, "agency"), (station, "station")] {
            try cluster.startService(agency, kind: kind)
        }
        for agency in [congress, procuratorate, housing, station] { try await cluster.desk(agency).waitUntilUp() }
        return cluster
    }

    /// A payload as the JSON object an agency's system would post.
    static func json(_ payload: some Encodable) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: XianjieJSON.encode(payload)) as? [String: Any] ?? [:]
    }

    static func expectAccepted(_ answer: DeskClient.Answer, _ what: String) {
        #expect(answer.status == 201, "\(what): \(answer.status) \(answer.text)")
        #expect(answer.json["outcome"] as? String == "accepted", "\(what): \(answer.text)")
    }

    @Test(.timeLimit(.minutes(5)))
    func manholeCoversThroughTheFourServices() async throws {
        let cluster = try await Self.county()
        defer { cluster.stopAll() }
        let congress = try cluster.desk(Self.congress)
        let procuratorate = try cluster.desk(Self.procuratorate)
        let housing = try cluster.desk(Self.housing)
        let station = try cluster.desk(Self.station)
        let manhole = "HTB-2024-031"

        // The congress registers the deputy's suggestion.
        var suggestion = try Self.json(W.suggestion(manhole, "窨井盖缺失破损威胁行人安全", domain: .workSafety))
        suggestion.removeValue(forKey: "submittedAt")  // the desk stamps it
        Self.expectAccepted(try await congress.act("suggestions", suggestion), "register")

        // Bad input: each refused with the field or rule, and nothing changes.
        var missing = suggestion
        missing["suggestionId"] = "HTB-2024-999"
        missing.removeValue(forKey: "title")
        var answer = try await congress.act("suggestions", missing)
        #expect(answer.status == 422)
        #expect(answer.error["field"] as? String == "/data/title")
        #expect(answer.error["rule"] as? String == "required")
        var wrongType = suggestion
        wrongType["suggestionId"] = "HTB-2024-999"
        wrongType["impact"] = "yes"
        answer = try await congress.act("suggestions", wrongType)
        #expect(answer.status == 422)
        #expect(answer.error["field"] as? String == "/data/impact")
        #expect(answer.error["rule"] as? String == "type")
        #expect(try await congress.get("/api/v1/items/HTB-2024-999").status == 404)
        answer = try await congress.act("suggestions/HTB-2024-777/assignment", ["hostUnit": Self.housing, "coUnits": []])
        #expect(answer.status == 404)
        #expect(answer.error["code"] as? String == "unknownItem")
        answer = try await congress.call("POST", "/api/v1/suggestions", json: ["title": "no data wrapper"])
        #expect(answer.status == 422)
        #expect(answer.error["field"] as? String == "/title")
        answer = try await congress.call("POST", "/api/v1/suggestions", body: Data("{not json".utf8), contentType: "application/json")
        #expect(answer.status == 400)
        #expect(answer.error["code"] as? String == "invalidJSON")

        // An action the protocol does not allow yet: a rating before any reply (409, its rule), state unchanged.
        answer = try await congress.act(
            "suggestions/\(manhole)/rating", ["deputy": try Self.json(Person.deputyLi), "rating": "satisfied"])
        #expect(answer.status == 409, "\(answer.text)")
        #expect(answer.error["rule"] as? String == "ratingBeforeReply")
        var item = try await congress.get("/api/v1/items/\(manhole)").json
        #expect((item["process"] as? [String: Any])?["state"] as? String == "registered")

        // 交办 to the housing bureau, then 转交 to the procuratorate: both arrive at their desks.
        Self.expectAccepted(
            try await congress.act("suggestions/\(manhole)/assignment", ["hostUnit": Self.housing, "coUnits": []]), "assign")
        #expect(try await housing.received(manhole, type: "xianjie.suggestionAssignment").count == 1)
        Self.expectAccepted(
            try await congress.act(
                "suggestions/\(manhole)/transfer",
                [
                    "title": "窨井盖", "summary": "窨井盖缺失破损", "domain": "workSafety",
                    "impact": ["harmsPublicInterest": true, "wideSocialImpact": true],
                ]), "transfer")
        #expect(try await procuratorate.received(manhole, type: "xianjie.suggestionTransfer").count == 1)

        // The procuratorate assesses (to the congress that transferred it) and files the case.
        let caseId = "HTJ-2024-12"
        Self.expectAccepted(
            try await procuratorate.act("suggestions/\(manhole)/assessment", ["outcome": "filed", "caseId": caseId]), "assess")
        var filing = try Self.json(W.filing(caseId, origin: manhole, "窨井盖行政公益诉讼"))
        filing.removeValue(forKey: "decidedAt")
        Self.expectAccepted(try await procuratorate.act("cases", filing), "file")
        // The housing bureau cannot reply to a case it never received (unknown on its desk).
        answer = try await housing.act(
            "cases/\(caseId)/reply", ["documentNumber": "呼检行公建〔2024〕12号", "status": "rectified", "measures": ["已整改"]])
        #expect(answer.status == 404)
        Self.expectAccepted(
            try await procuratorate.act("cases/\(caseId)/progress", ["step": "investigationStarted"]), "progress")

        // The procuratorial suggestion with its evidence file (3 chunks on the bus), to the housing bureau.
        let evidence = Data((0..<(1_300_000)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let upload = try await procuratorate.call(
            "POST", "/api/v1/attachments?name=%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.pdf", body: evidence,
            contentType: "application/pdf")
        #expect(upload.status == 201, "\(upload.text)")
        let sha = SHA256.hash(data: evidence).map { String(format: "%02x", $0) }.joined()
        #expect(upload.json["sha256"] as? String == sha)
        var issued = try Self.json(W.procuratorialSuggestion("呼检行公建〔2024〕12号", caseId: caseId, to: Self.housing, due: "2024-08-18"))
        issued["attachments"] = [["name": "现场照片.pdf", "mediaType": "application/pdf", "sha256": sha, "size": evidence.count]]
        issued.removeValue(forKey: "issuedAt")
        answer = try await procuratorate.act("cases/\(caseId)/procuratorial-suggestions", issued)
        Self.expectAccepted(answer, "issue")
        #expect(Set(answer.json["recipients"] as? [String] ?? []) == [Self.housing, Self.congress])
        // An attachment nobody uploaded is refused, naming it.
        var unknownFile = issued
        unknownFile["attachments"] = [["name": "x.pdf", "mediaType": "application/pdf", "sha256": String(repeating: "0", count: 64), "size": 1]]
        answer = try await procuratorate.act("cases/\(caseId)/procuratorial-suggestions", unknownFile)
        #expect(answer.status == 422)
        #expect(answer.error["field"] as? String == "/data/attachments/0/sha256")

        #expect(try await housing.received(caseId, type: "xianjie.procuratorialSuggestion").count == 1)
        let file = try await housing.poll("/api/v1/attachments/\(sha)") { $0["complete"] as? Bool == true }
        #expect(file["size"] as? Int == evidence.count)
        let downloaded = try await housing.get("/api/v1/attachments/\(sha)/content")
        #expect(downloaded.status == 200)
        #expect(downloaded.body == evidence)

        // The housing bureau's inbox shows it as waiting for action; it replies with a photo of the work.
        let items = try await housing.get("/api/v1/items").json["items"] as? [[String: Any]] ?? []
        #expect(items.first { $0["subject"] as? String == caseId }?["awaitingAction"] as? Bool == true)
        let photo = Data("JPEG-bytes-of-the-anti-fall-nets".utf8)
        let photoUpload = try await housing.call("POST", "/api/v1/attachments?name=nets.jpg", body: photo, contentType: "image/jpeg")
        let photoSHA = photoUpload.json["sha256"] as? String ?? ""
        Self.expectAccepted(
            try await housing.act(
                "cases/\(caseId)/reply",
                [
                    "documentNumber": "呼检行公建〔2024〕12号", "status": "rectified", "measures": ["清理破损井盖", "加装防坠网", "建立巡查机制"],
                    "attachments": [["name": "nets.jpg", "mediaType": "image/jpeg", "sha256": photoSHA, "size": photo.count]],
                ]), "reply")
        #expect(try await procuratorate.received(caseId, type: "xianjie.rectificationReply").count == 1)
        #expect(try await congress.received(caseId, type: "xianjie.rectificationReply").count == 1)
        item = try await congress.get("/api/v1/items/\(caseId)").json
        #expect((item["process"] as? [String: Any])?["state"] as? String == "replyReceived", "\(item["process"] ?? "none")")

        // A clue from the liaison station reaches the procuratorate.
        let clue = Clue(
            clueId: "DXQ-2024-007", channel: .receptionDay, receivedAt: Date(), place: "大西渠镇", description: "河道旁堆放垃圾",
            domain: .ecologyAndResources, reporter: Person(name: "王某"), confidential: true)
        Self.expectAccepted(try await station.act("clues", try Self.json(clue)), "clue")
        let clues = try await procuratorate.received("DXQ-2024-007", type: "xianjie.clue")
        #expect((clues.first?["data"] as? [String: Any])?["confidential"] as? Bool == true)
        // The station tells the reporter (kept on its desk, not sent), and publishes its duty roster (三公开).
        answer = try await station.call(
            "POST", "/api/v1/clues/DXQ-2024-007/feedback", json: ["text": "已移送县检察院办理", "channel": "phone"])
        #expect(answer.status == 201, "\(answer.text)")
        let stationItem = try await station.get("/api/v1/items/DXQ-2024-007").json
        #expect((stationItem["feedback"] as? [[String: Any]])?.first?["text"] as? String == "已移送县检察院办理")
        answer = try await station.call(
            "PUT", "/api/v1/registers/dutyRoster", json: ["entries": [["date": "2024-06-07", "deputy": "李建华", "place": "大西渠镇代表之家"]]])
        #expect(answer.status == 200, "\(answer.text)")
        answer = try await station.call("PUT", "/api/v1/registers/dutyRoster", json: ["entries": [["date": "2024-06-08", "place": "x"]]])
        #expect(answer.status == 422)
        #expect(answer.error["field"] as? String == "/entries/0/deputy")
        let roster = try await station.get("/api/v1/registers/dutyRoster").json["entries"] as? [[String: Any]]
        #expect(roster?.first?["deputy"] as? String == "李建华")

        // The suggestion is copied to the congress (反向衔接) to be screened.
        Self.expectAccepted(
            try await procuratorate.act("cases/\(caseId)/copy", [
                    "documentNumber": "呼检行公建〔2024〕12号", "summary": "窨井盖安全隐患",
                    "criteria": ["wideImpact": true, "publicAttention": true, "typicalViolation": false, "deservesAttention": true],
                ]),
            "copy")
        #expect(try await congress.received(caseId, type: "xianjie.suggestionCopy").count == 1)

        // Restarts lose nothing: the housing bureau stopped, the procuratorate killed; both come back with
        // their desks as they were, and what was sent meanwhile arrives.
        cluster.stop(Self.housing)
        cluster.kill(Self.procuratorate)
        Self.expectAccepted(
            try await congress.act(
                "copies/\(caseId)/conversion", ["documentNumber": "呼检行公建〔2024〕12号", "step": "screeningStarted"]),
            "screen")
        try cluster.startService(Self.housing, kind: "agency")
        try cluster.startService(Self.procuratorate, kind: "procuratorate")
        try await housing.waitUntilUp()
        try await procuratorate.waitUntilUp()
        let after = try await housing.get("/api/v1/items/\(caseId)").json["documents"] as? [[String: Any]] ?? []
        #expect(after.filter { $0["type"] as? String == "xianjie.rectificationReply" }.first?["state"] as? String == "accepted")
        #expect(try await housing.get("/api/v1/attachments/\(sha)/content").body == evidence)
        #expect(try await procuratorate.received(caseId, type: "xianjie.conversionDecision").count == 1)
    }
}

extension AgencyServiceTests {
    /// Issue 6: a 10,000-row 12345 export with 1% bad rows, imported at the station's desk over HTTP:
    /// every bad row reported with its line and reason, the 9,900 good ones forwarded to the
    /// procuratorate through the coordinator. The times are printed (`import:` lines).
    @Test(.timeLimit(.minutes(5)))
    func hotlineImportOfTenThousandRows() async throws {
        let cluster = try await Self.county()
        defer { cluster.stopAll() }
        let station = try cluster.desk(Self.station)
        let procuratorate = try cluster.desk(Self.procuratorate)
        let sample = HotlineCSV.sample(rows: 10_000, badEvery: 100)

        // A file without the required columns is refused whole, naming them, and nothing is stored.
        var answer = try await station.call(
            "POST", "/api/v1/imports/hotline?name=bad.csv", body: Data("工单编号,地点\nA1,x\n".utf8), contentType: "text/csv")
        #expect(answer.status == 422)
        #expect(answer.error["message"] as? String ?? "" == "" || (answer.error["message"] as? String ?? "").contains("来电时间"))
        #expect((try await station.get("/api/v1/imports").json["imports"] as? [Any])?.isEmpty == true)

        let start = ContinuousClock.now
        answer = try await station.call("POST", "/api/v1/imports/hotline?name=12345-2024-06.csv", body: sample.csv, contentType: "text/csv")
        #expect(answer.status == 202, "\(answer.text)")
        let id = try #require(answer.json["id"] as? String)
        #expect(answer.headers["location"] == "/api/v1/imports/\(id)")
        let job = try await station.poll("/api/v1/imports/\(id)", timeout: .seconds(120)) { $0["state"] as? String != "running" }
        let imported = ContinuousClock.now - start
        #expect(job["state"] as? String == "done")
        #expect(job["forwarded"] as? Int == 9_900)
        #expect(job["refused"] as? Int == 100)
        let problems = job["problems"] as? [[String: Any]] ?? []
        #expect(problems.compactMap { $0["line"] as? Int } == sample.badLines)
        #expect(problems.allSatisfy { !($0["reason"] as? String ?? "").isEmpty })

        // Every good row reaches the procuratorate's desk.
        var received = 0
        var after = 0
        let deadline = ContinuousClock.now + .seconds(180)
        while received < 9_900, ContinuousClock.now < deadline {
            let page = try await procuratorate.get("/api/v1/inbox?after=\(after)&limit=1000").json["received"] as? [[String: Any]] ?? []
            if page.isEmpty {
                try await Task.sleep(for: .milliseconds(200))
                continue
            }
            received += page.filter { ($0["document"] as? [String: Any])?["type"] as? String == "xianjie.clue" }.count
            after = page.last?["position"] as? Int ?? after
        }
        let delivered = ContinuousClock.now - start
        #expect(received == 9_900)
        print("import: 10,000 rows (100 bad) imported and reported in \(imported); all 9,900 clues at the procuratorate after \(delivered)")
    }
}

extension AgencyServiceTests {
    /// DOMAIN.md scenario 1 (红柳滩) through the services' APIs: a suggestion to the enforcement brigade,
    /// the joint site meeting's three lists (问题清单 → 责任清单 → 整改清单), progress, verification, the
    /// reply, and the look-back with deputies.
    @Test(.timeLimit(.minutes(5)))
    func tamariskGroveThreeListsThroughTheServices() async throws {
        let cluster = try Cluster(
            coordinator: ["clock": ["driven": true, "start": "2024-07-22"], "workflow": ["calendar": ScenarioCounty.calendar]])
        defer { cluster.stopAll() }
        let forestry = "hutubi.forestry"
        try cluster.addService(Self.congress, kind: "congress", counterparts: ["procuratorate": Self.procuratorate])
        try cluster.addService(Self.procuratorate, kind: "procuratorate", counterparts: ["congress": Self.congress])
        try cluster.addService(forestry, kind: "agency", counterparts: ["congress": Self.congress, "procuratorate": Self.procuratorate])
        try cluster.startCoordinator()
        for (agency, kind) in [(Self.congress, "congress"), (Self.procuratorate, "procuratorate"), (forestry, "agency")] {
            try cluster.startService(agency, kind: kind)
        }
        let congress = try cluster.desk(Self.congress)
        let procuratorate = try cluster.desk(Self.procuratorate)
        let brigade = try cluster.desk(forestry)
        for desk in [congress, procuratorate, brigade] { try await desk.waitUntilUp() }

        let grove = "HTB-2024-017"
        let groveCase = "HTJ-2024-07"
        let number = "呼检行公建〔2024〕7号"
        var suggestion = try Self.json(W.suggestion(grove, "红柳滩林地被开垦", domain: .ecologyAndResources))
        suggestion.removeValue(forKey: "submittedAt")
        Self.expectAccepted(try await congress.act("suggestions", suggestion), "register")
        Self.expectAccepted(
            try await congress.act(
                "suggestions/\(grove)/transfer",
                [
                    "title": "红柳滩", "summary": "红柳滩林地被开垦", "domain": "ecologyAndResources",
                    "impact": ["harmsPublicInterest": true, "wideSocialImpact": true],
                ]), "transfer")
        _ = try await procuratorate.received(grove, type: "xianjie.suggestionTransfer")
        Self.expectAccepted(
            try await procuratorate.act("suggestions/\(grove)/assessment", ["outcome": "filed", "caseId": groveCase]), "assess")
        var filing = try Self.json(W.filing(groveCase, origin: grove, "红柳滩行政公益诉讼"))
        filing.removeValue(forKey: "decidedAt")
        Self.expectAccepted(try await procuratorate.act("cases", filing), "file")
        Self.expectAccepted(try await procuratorate.act("cases/\(groveCase)/progress", ["step": "investigationStarted"]), "progress")
        var issued = try Self.json(W.procuratorialSuggestion(number, caseId: groveCase, to: forestry, due: "2024-09-22"))
        issued.removeValue(forKey: "issuedAt")
        Self.expectAccepted(try await procuratorate.act("cases/\(groveCase)/procuratorial-suggestions", issued), "issue")

        // The joint site meeting's lists: the brigade is named in the responsibility list and answers with its plan.
        Self.expectAccepted(
            try await procuratorate.act(
                "lists",
                ["listId": "HLT-2024", "originSubjectId": groveCase, "items": [["itemId": "HLT-1", "problem": "红柳滩林地被开垦种植"]]],
                to: [forestry, Self.congress]), "issue list")
        Self.expectAccepted(
            try await procuratorate.act(
                "lists/HLT-2024/responsibilities",
                ["assignments": [["itemId": "HLT-1", "unit": forestry, "leadPerson": "王队长", "deadline": "2024-09-30"]]]),
            "responsibilities")
        _ = try await brigade.received("HLT-2024", type: "xianjie.responsibilityList")
        Self.expectAccepted(
            try await brigade.act("lists/HLT-2024/rectification-plan", ["plans": [["itemId": "HLT-1", "measures": ["退耕还林", "补植红柳"]]]]),
            "plan")
        // The list's item is on the brigade's desk through the list: its progress goes to the procuratorate.
        Self.expectAccepted(try await brigade.act("items/HLT-1/progress", ["step": "started", "report": "已开始退耕"]), "started")
        Self.expectAccepted(try await brigade.act("items/HLT-1/progress", ["step": "completed", "report": "补植红柳120亩"]), "completed")
        _ = try await procuratorate.received("HLT-1", type: "xianjie.rectificationProgress")
        Self.expectAccepted(
            try await procuratorate.act(
                "items/HLT-1/verification", ["passed": true, "findings": "现场核查属实", "participants": [try Self.json(Person.deputyLi)]]),
            "verify")
        #expect((try await procuratorate.get("/api/v1/items/HLT-1").json["process"] as? [String: Any])?["state"] as? String == "closed")

        // The reply, the follow-up, and the look-back with deputies.
        Self.expectAccepted(
            try await brigade.act("cases/\(groveCase)/reply", ["documentNumber": number, "status": "rectified", "measures": ["退耕还林"]]),
            "reply")
        for step in ["followUpStarted", "followUpConcluded", "closed"] {
            var data: [String: Any] = ["step": step]
            if step == "followUpConcluded" { data["performed"] = true }
            Self.expectAccepted(try await procuratorate.act("cases/\(groveCase)/progress", data), step)
        }
        // A look-back before the case was closed would be refused; now it is allowed.
        Self.expectAccepted(
            try await procuratorate.act("cases/\(groveCase)/look-back", ["findings": "邀请代表回头看，红柳长势良好", "confirmed": true]),
            "look back")
        let item = try await congress.get("/api/v1/items/\(groveCase)").json
        #expect((item["process"] as? [String: Any])?["state"] as? String == "lookBack", "\(item["process"] ?? "none")")
    }
}

extension AgencyServiceTests {
    /// A desk configured with tokens (`desk.tokenHashes`) answers its API only to a bearer of one; its
    /// liveness stays open.
    @Test(.timeLimit(.minutes(2)))
    func aDeskWithTokensAnswersOnlyTheirBearers() async throws {
        let cluster = try Cluster()
        defer { cluster.stopAll() }
        try cluster.addService(Self.station, kind: "station", counterparts: ["procuratorate": Self.procuratorate])
        let token = DeskToken.make()
        let file = URL(fileURLWithPath: cluster.path("\(Self.station).json"))
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        var desk = object["desk"] as? [String: Any] ?? [:]
        desk["tokenHashes"] = [DeskToken.hash(token)]
        object["desk"] = desk
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        try cluster.startCoordinator()
        try cluster.startService(Self.station, kind: "station")
        let station = try cluster.desk(Self.station)
        try await station.waitUntilUp()
        var answer = try await station.get("/api/v1/about")
        #expect(answer.status == 401)
        #expect(answer.error["code"] as? String == "unauthorized")
        answer = try await station.call("GET", "/api/v1/about", headers: ["Authorization": "Bearer wrong"])
        #expect(answer.status == 401)
        answer = try await station.call("GET", "/api/v1/about", headers: ["Authorization": "Bearer \(token)"])
        #expect(answer.status == 200)
        #expect(answer.json["kind"] as? String == "station")
    }
}
