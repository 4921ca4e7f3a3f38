import Foundation
import XianjieConsole
import XianjieCoordinator
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// The sample county of DOMAIN.md [000] (呼图壁, Hutubi): its congress, procuratorate, three agencies
/// (market regulation, housing, the forestry enforcement brigade) and seven township liaison stations,
/// each an agency service of its own.
struct SampleCounty {
    struct Member {
        var agency: AgencyID
        var kind: String
        var name: String
    }

    static let members: [Member] = [
        Member(agency: "hutubi.congress", kind: "congress", name: "呼图壁县人大常委会"),
        Member(agency: "hutubi.procuratorate", kind: "procuratorate", name: "呼图壁县人民检察院"),
        Member(agency: "hutubi.market", kind: "agency", name: "县市场监督管理局"),
        Member(agency: "hutubi.housing", kind: "agency", name: "县住房和城乡建设局"),
        Member(agency: "hutubi.forestry", kind: "agency", name: "县林业和草原综合执法大队"),
        Member(agency: "hutubi.station.hutubi-town", kind: "station", name: "呼图壁镇人大代表联络站"),
        Member(agency: "hutubi.station.erdaohe", kind: "station", name: "二道河子镇联络站"),
        Member(agency: "hutubi.station.dafeng", kind: "station", name: "大丰镇联络站"),
        Member(agency: "hutubi.station.wugongtai", kind: "station", name: "五工台镇联络站"),
        Member(agency: "hutubi.station.ershilidian", kind: "station", name: "二十里店镇联络站"),
        Member(agency: "hutubi.station.yuanhucun", kind: "station", name: "园户村镇联络站"),
        Member(agency: "hutubi.station.queergou", kind: "station", name: "雀尔沟镇联络站"),
    ]

    let directory: URL
    let routerPort: Int

    static let operatorID: AgencyID = "operator.demo"
    var keysDirectory: URL { directory.appendingPathComponent("keys", isDirectory: true) }
    func secretKeys(_ agency: AgencyID) -> String { keysDirectory.appendingPathComponent("\(agency).keys.json").path }
    var coordinatorPublicKeys: String { keysDirectory.appendingPathComponent("coordinator.public.json").path }

    var routerEndpoint: String { "tcp://127.0.0.1:\(routerPort)" }
    var publishEndpoint: String { "tcp://127.0.0.1:\(routerPort + 1)" }
    /// Where an agency service's desk (its HTTP API and clerks' page) listens.
    func deskPort(_ agency: AgencyID) -> Int {
        routerPort + 10 + (Self.members.firstIndex { $0.agency == agency } ?? 0)
    }

    func deskURL(_ agency: AgencyID) -> String { "http://127.0.0.1:\(deskPort(agency))/" }

    /// The coordinator's console (dashboard, /metrics, /health).
    var consoleURL: String { "http://127.0.0.1:\(routerPort + 2)/" }

    func controlEndpoint(_ agency: AgencyID) -> String {
        "ipc://" + directory.appendingPathComponent("\(agency).control").path
    }

    /// Writes the coordinator's and every node's configuration file; returns their paths.
    func writeConfigurations() throws -> (coordinator: String, nodes: [AgencyID: String]) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let coordinator: [String: Any] = [
            "routerEndpoint": routerEndpoint, "publishEndpoint": publishEndpoint,
            "storePath": directory.appendingPathComponent("coordinator.sqlite").path,
            "keysPath": secretKeys(.coordinator),
            "region": "呼图壁县",
            "console": ["listen": "127.0.0.1:\(routerPort + 2)"],
            // A driven clock, so the scenarios' months pass in seconds (`xianjie clock`), and 2024's
            // holidays and make-up working days for the working-day calendar.
            "clock": ["driven": true, "start": Scenarios.start],
            // The liaison office's weekly meeting: announced 3 days ahead, its agenda frozen the day before.
            "meetings": [
                "cadence": [["kind": "weeklyOffice", "title": "衔接办周例会", "weekday": 1]],
                "convener": "hutubi.congress", "members": ["hutubi.congress", "hutubi.procuratorate"],
            ],
            "workflow": [
                "calendar": [
                    "holidays": ["2024-06-10", "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"],
                    "makeUpWorkingDays": ["2024-09-14", "2024-09-29", "2024-10-12"],
                ]
            ],
        ]
        let coordinatorPath = directory.appendingPathComponent("coordinator.json").path
        try write(coordinator, to: coordinatorPath)
        var nodes: [AgencyID: String] = [:]
        for member in Self.members {
            let node: [String: Any] = [
                "agency": member.agency.rawValue, "kind": member.kind, "coordinator": routerEndpoint,
                "coordinatorPublish": publishEndpoint, "subscriptions": ["notices"],
                "storePath": directory.appendingPathComponent("\(member.agency).sqlite").path,
                "controlEndpoint": controlEndpoint(member.agency),
                "keysPath": secretKeys(member.agency), "coordinatorKeysPath": coordinatorPublicKeys,
                "trustedKeysDirectory": keysDirectory.path,
                "desk": [
                    "listen": "127.0.0.1:\(deskPort(member.agency))", "displayName": member.name,
                    "counterparts": ["congress": "hutubi.congress", "procuratorate": "hutubi.procuratorate"],
                ],
            ]
            let path = directory.appendingPathComponent("\(member.agency).json").path
            try write(node, to: path)
            nodes[member.agency] = path
        }
        return (coordinatorPath, nodes)
    }

    /// Creates every agency's keys (once) and registers them with the coordinator's store, as
    /// `xianjie keygen` and `xianjie agency add` would.
    /// A console login for whoever runs the demo: a new access code each run.
    func consoleLogin() throws -> (name: String, code: String) {
        let store = try CoordinatorStore(path: directory.appendingPathComponent("coordinator.sqlite").path)
        return ("演示", try store.addConsoleUser(name: "演示", role: .admin))
    }

    func provisionKeys() throws {
        let store = try CoordinatorStore(path: directory.appendingPathComponent("coordinator.sqlite").path)
        let registered = Set(try store.registry().map(\.agency))
        var everyone: [(AgencyID, String, String)] = [(.coordinator, "coordinator", "衔接工作联络中心")]
        everyone += Self.members.map { ($0.agency, $0.kind, $0.name) }
        everyone.append((Self.operatorID, "operator", "演示操作员"))
        for (agency, kind, name) in everyone {
            let keys: AgencyKeys
            if FileManager.default.fileExists(atPath: secretKeys(agency)) {
                keys = try AgencyKeys.load(from: URL(fileURLWithPath: secretKeys(agency)))
            } else {
                keys = try AgencyKeys.generate(for: agency)
                _ = try keys.write(to: keysDirectory)
            }
            if agency != .coordinator, !registered.contains(agency) {
                try store.addAgency(
                    RegistryEntry(
                        agency: agency, kind: kind, region: "呼图壁县", displayName: name,
                        curveKey: keys.publicKeys.curvePublicKey, signingKey: keys.publicKeys.signingPublicKey),
                    by: "operator:demo")
            }
        }
    }

    /// The operator's credentials for status and the live flow.
    func operatorCredentials() throws -> (identity: AgencyID, curve: CurveOptions?, keys: AgencyKeys?) {
        let keys = try AgencyKeys.load(from: URL(fileURLWithPath: secretKeys(Self.operatorID)))
        let coordinator = try PublicKeys.load(from: URL(fileURLWithPath: coordinatorPublicKeys))
        let curve = CurveOptions.client(
            publicKey: try keys.curve.publicCurveKey, secretKey: try keys.curve.secretCurveKey,
            serverKey: try CurveKey(z85: coordinator.curvePublicKey))
        return (keys.agency, curve, keys)
    }

    private func write(_ object: [String: Any], to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
