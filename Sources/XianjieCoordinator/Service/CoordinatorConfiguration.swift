import Foundation
import XianjieMessages
import XianjieConsole
import XianjieProtocols

/// How a coordinator runs. Loaded from a JSON file; `deploy/examples/` has a documented example.
package struct CoordinatorConfiguration: Sendable, Codable {
    /// The ROUTER endpoint nodes connect to (addressed messages, request/reply, control).
    package var routerEndpoint: String = "tcp://127.0.0.1:7700"
    /// The XPUB endpoint for broadcasts and the live flow.
    package var publishEndpoint: String = "tcp://127.0.0.1:7701"
    /// The SQLite file.
    package var storePath: String = "coordinator.sqlite"
    /// fsync at every group commit (survives power loss). `false` survives process crashes only.
    package var synchronousFull: Bool = true
    /// How many deliveries may be unacknowledged per node, and how many unanswered messages a node may send.
    package var credits: Int = 1024
    package var heartbeatIntervalMs: Int = 1000
    /// A node silent for this long is marked absent.
    package var presenceTimeoutMs: Int = 3500
    /// Unacknowledged deliveries are sent again after this long without progress.
    package var redeliveryTimeoutMs: Int = 2000
    /// The largest message (header + data + signature) accepted; larger ones are rejected as `oversize`.
    package var maxMessageBytes: Int = 1 << 20
    /// The coordinator's key file (`coordinator.keys.json` from `xianjie keygen --agency coordinator`):
    /// its CURVE server key and the signing key of its receipts. Required unless `allowInsecure`.
    package var keysPath: String?
    /// The access policy file (`deploy/policy.json`); absent: the built-in county policy.
    package var policyPath: String?
    /// Run without CURVE, ZAP, signatures or the policy. For development only; logged loudly.
    package var allowInsecure: Bool = false
    /// Broadcasts queued per subscriber before the XPUB drops them (subscribers fill gaps by replay).
    package var publishHighWaterMark: Int = 100_000
    /// If set, only these agencies may be addressed; others get `unknownRecipient`. (The registry of
    /// a later release replaces this list.)
    package var agencies: [AgencyID]?
    /// The joint protocols' rules (DOMAIN.md §3, §4): `calendar` (holidays, make-up working days),
    /// `deadlines` (every legal period, each with its default), `scope` (the public-interest domains).
    package var workflow = ProtocolRules()
    /// The deadline engine's clock.
    package var clock = ClockConfiguration()
    /// The superior procuratorate (上一级检察院), told when a filing with it is overdue.
    package var superiorProcuratorate: AgencyID?
    /// The joint meetings the coordinator announces on its own (cadence), and how it runs them.
    package var meetings = MeetingConfiguration()
    /// This coordinator's region, as the registry spells it (e.g. `呼图壁县`). Agencies registered with
    /// another region are remote: reached through a federation link, never admitted directly. Nil: one
    /// region, no federation.
    package var region: String?
    /// Links to the coordinators of other regions, under cooperation agreements (DOMAIN.md §4 E).
    package var federation = FederationConfiguration()
    /// The console (dashboard, `/metrics`, `/health`) over HTTP; nil: off. docs/console.md.
    package var console: ConsoleConfiguration?

    package init() {}

    package init(storePath: String, routerEndpoint: String, publishEndpoint: String) {
        self.storePath = storePath
        self.routerEndpoint = routerEndpoint
        self.publishEndpoint = publishEndpoint
    }

    /// The rules the state machines follow, in the clock's time zone.
    package var protocolRules: ProtocolRules {
        var rules = workflow
        rules.utcOffsetMinutes = clock.utcOffsetMinutes
        return rules
    }

    /// Reads a configuration file; missing keys take their defaults.
    package static func load(from path: String) throws -> CoordinatorConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError("cannot read the configuration file \(path): \(error.localizedDescription)")
        }
        do {
            return try XianjieJSON.decode(CoordinatorConfiguration.self, from: data)
        } catch {
            throw ConfigurationError("the configuration file \(path) is not valid: \(describe(error))")
        }
    }

    package init(from decoder: any Decoder) throws {
        let defaults = CoordinatorConfiguration()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        routerEndpoint = try container.decodeIfPresent(String.self, forKey: .routerEndpoint) ?? defaults.routerEndpoint
        publishEndpoint =
            try container.decodeIfPresent(String.self, forKey: .publishEndpoint) ?? defaults.publishEndpoint
        storePath = try container.decodeIfPresent(String.self, forKey: .storePath) ?? defaults.storePath
        synchronousFull =
            try container.decodeIfPresent(Bool.self, forKey: .synchronousFull) ?? defaults.synchronousFull
        credits = try container.decodeIfPresent(Int.self, forKey: .credits) ?? defaults.credits
        heartbeatIntervalMs =
            try container.decodeIfPresent(Int.self, forKey: .heartbeatIntervalMs) ?? defaults.heartbeatIntervalMs
        presenceTimeoutMs =
            try container.decodeIfPresent(Int.self, forKey: .presenceTimeoutMs) ?? defaults.presenceTimeoutMs
        redeliveryTimeoutMs =
            try container.decodeIfPresent(Int.self, forKey: .redeliveryTimeoutMs) ?? defaults.redeliveryTimeoutMs
        maxMessageBytes =
            try container.decodeIfPresent(Int.self, forKey: .maxMessageBytes) ?? defaults.maxMessageBytes
        publishHighWaterMark =
            try container.decodeIfPresent(Int.self, forKey: .publishHighWaterMark) ?? defaults.publishHighWaterMark
        agencies = try container.decodeIfPresent([AgencyID].self, forKey: .agencies)
        keysPath = try container.decodeIfPresent(String.self, forKey: .keysPath)
        policyPath = try container.decodeIfPresent(String.self, forKey: .policyPath)
        allowInsecure = try container.decodeIfPresent(Bool.self, forKey: .allowInsecure) ?? false
        workflow = try container.decodeIfPresent(ProtocolRules.self, forKey: .workflow) ?? ProtocolRules()
        clock = try container.decodeIfPresent(ClockConfiguration.self, forKey: .clock) ?? ClockConfiguration()
        superiorProcuratorate = try container.decodeIfPresent(AgencyID.self, forKey: .superiorProcuratorate)
        meetings = try container.decodeIfPresent(MeetingConfiguration.self, forKey: .meetings) ?? MeetingConfiguration()
        region = try container.decodeIfPresent(String.self, forKey: .region)
        console = try container.decodeIfPresent(ConsoleConfiguration.self, forKey: .console)
        federation = try container.decodeIfPresent(FederationConfiguration.self, forKey: .federation) ?? FederationConfiguration()
        if !federation.links.isEmpty, region == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .federation, in: container,
                debugDescription: "federation links need this coordinator's own \"region\" (as the registry spells it)")
        }
        if let twice = Dictionary(grouping: federation.links, by: \.region).first(where: { $0.value.count > 1 }) {
            throw DecodingError.dataCorruptedError(
                forKey: .federation, in: container, debugDescription: "two federation links to region \(twice.key); one per region")
        }
        if let own = federation.links.first(where: { $0.region == region }) {
            throw DecodingError.dataCorruptedError(
                forKey: .federation, in: container, debugDescription: "a federation link to \(own.region), this coordinator's own region")
        }
    }
}

/// 跨区域协作 between coordinators: each link is this coordinator acting as a node of another region's
/// coordinator. It connects with its own keys (registered there with kind `federation` and this
/// coordinator's region), takes delivery of what that region's agencies address to agencies of this
/// region, and admits it here. What goes the other way waits in the queue of the other region's link
/// identity, registered here.
package struct FederationConfiguration: Sendable, Codable, Equatable {
    package struct Link: Sendable, Codable, Equatable {
        /// The other region, as the registry spells it.
        package var region: String
        /// The other coordinator's ROUTER endpoint.
        package var endpoint: String
        /// This link's identity there (e.g. `link.hutubi`): the agency of `keysPath`.
        package var agency: AgencyID
        /// This link's key file (`xianjie keygen --agency link.hutubi`).
        package var keysPath: String
        /// The other coordinator's public keys (its `coordinator.public.json`).
        package var coordinatorKeysPath: String
        /// The link's own SQLite file (what the other region delivered, until admitted here).
        package var storePath: String

        package init(
            region: String, endpoint: String, agency: AgencyID, keysPath: String, coordinatorKeysPath: String, storePath: String
        ) {
            self.region = region
            self.endpoint = endpoint
            self.agency = agency
            self.keysPath = keysPath
            self.coordinatorKeysPath = coordinatorKeysPath
            self.storePath = storePath
        }
    }

    package var links: [Link] = []

    package init(links: [Link] = []) { self.links = links }
}

/// 联席会议 (DOMAIN.md §4 D): which meetings recur, who is invited, when notices go and agendas freeze.
package struct MeetingConfiguration: Sendable, Codable, Equatable {
    /// A recurring meeting: weekly on `weekday` (1 = Monday … 7 = Sunday) or monthly on `dayOfMonth`.
    package struct Cadence: Sendable, Codable, Equatable {
        package var kind: MeetingKind
        package var title: String
        package var weekday: Int?
        package var dayOfMonth: Int?

        package init(kind: MeetingKind, title: String, weekday: Int? = nil, dayOfMonth: Int? = nil) {
            self.kind = kind
            self.title = title
            self.weekday = weekday
            self.dayOfMonth = dayOfMonth
        }

        private enum CodingKeys: String, CodingKey { case kind, title, weekday, dayOfMonth }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                kind: try c.decode(MeetingKind.self, forKey: .kind), title: try c.decode(String.self, forKey: .title),
                weekday: try c.decodeIfPresent(Int.self, forKey: .weekday),
                dayOfMonth: try c.decodeIfPresent(Int.self, forKey: .dayOfMonth))
            switch (weekday, dayOfMonth) {
            case (let day?, nil) where (1...7).contains(day): break
            case (nil, let day?) where (1...28).contains(day): break
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .weekday, in: c,
                    debugDescription: "a meeting cadence needs either weekday (1 = Monday … 7 = Sunday) or dayOfMonth (1 … 28)")
            }
        }
    }

    package var cadence: [Cadence] = []
    /// Who convenes the recurring meetings (default: the first congress node).
    package var convener: AgencyID?
    /// Who is invited (default: every congress and procuratorate node).
    package var members: [AgencyID]?
    /// The notice goes this many days before the meeting.
    package var noticeLeadDays = 3
    /// The agenda is collected and frozen this many days before the meeting.
    package var freezeLeadDays = 1
    /// Items whose look-back falls within this many days of the freeze go on the agenda.
    package var lookBackWindowDays = 30

    package init() {}

    private enum CodingKeys: String, CodingKey {
        case cadence, convener, members, noticeLeadDays, freezeLeadDays, lookBackWindowDays
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cadence = try c.decodeIfPresent([Cadence].self, forKey: .cadence) ?? []
        convener = try c.decodeIfPresent(AgencyID.self, forKey: .convener)
        members = try c.decodeIfPresent([AgencyID].self, forKey: .members)
        noticeLeadDays = try c.decodeIfPresent(Int.self, forKey: .noticeLeadDays) ?? 3
        freezeLeadDays = try c.decodeIfPresent(Int.self, forKey: .freezeLeadDays) ?? 1
        lookBackWindowDays = try c.decodeIfPresent(Int.self, forKey: .lookBackWindowDays) ?? 30
        guard noticeLeadDays >= freezeLeadDays, freezeLeadDays >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .freezeLeadDays, in: c,
                debugDescription: "the agenda freezes after the notice: need noticeLeadDays >= freezeLeadDays >= 0")
        }
    }
}

/// Which day it is for the deadline engine.
package struct ClockConfiguration: Sendable, Codable, Equatable {
    /// The day follows the wall clock (in `utcOffsetMinutes`), or only moves when an operator moves it
    /// (`xianjie clock`): for tests and drills, where months pass in seconds.
    package var driven = false
    /// A driven clock's first day (default: today). Ignored once the store remembers a day.
    package var start: CalendarDate?
    /// The time zone of the calendar, as an offset from UTC (China Standard Time: 480).
    package var utcOffsetMinutes = 480

    package init(driven: Bool = false, start: CalendarDate? = nil, utcOffsetMinutes: Int = 480) {
        self.driven = driven
        self.start = start
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    private enum CodingKeys: String, CodingKey { case driven, start, utcOffsetMinutes }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            driven: try c.decodeIfPresent(Bool.self, forKey: .driven) ?? false,
            start: try c.decodeIfPresent(CalendarDate.self, forKey: .start),
            utcOffsetMinutes: try c.decodeIfPresent(Int.self, forKey: .utcOffsetMinutes) ?? 480)
    }

    /// The wall clock's day in this time zone.
    package func wallDay(at date: Date = Date()) -> Int {
        Int(((date.timeIntervalSince1970 + Double(utcOffsetMinutes * 60)) / 86_400).rounded(.down))
    }
}

/// A configuration that cannot be used, with what to fix.
package struct ConfigurationError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
