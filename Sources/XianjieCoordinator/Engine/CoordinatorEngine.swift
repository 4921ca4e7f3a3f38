import Foundation
import Logging
import XianjieConsole
import XianjieMessages
import XianjieProtocols
import ZeroMQ

/// The coordinator's logic: one instance, driven by one task, turn by turn.
///
/// Each turn takes a batch of inbound messages, decides what each one is, writes everything that
/// must be durable in one transaction, and only then answers: receipts, rejections, deliveries,
/// broadcasts. Between turns, ``tick()`` handles presence and redelivery.
final class CoordinatorEngine {
    let configuration: CoordinatorConfiguration
    let store: CoordinatorStore
    let validator: EnvelopeValidator
    let logger: Logger
    let outbound: Outbound
    let epoch = UUID().uuidString.lowercased()
    let startedAt = Date()

    var sources: [AgencyID: Int64] = [:]
    var nodes: [AgencyID: NodeState] = [:]
    var topics: [String: Int64] = [:]
    var messagesStored: Int64 = 0
    var quarantined: Int64 = 0
    var rejectionsByReason: [String: Int64] = [:]
    /// Turns and messages since the last debug report.
    var turns = 0
    var turnMessages = 0
    var turnNanoseconds: Int64 = 0
    var lastReport = ContinuousClock.now
    /// Whether anyone listens to the live flow (learned from the XPUB's subscription messages).
    var flowSubscribed = false
    let knownAgencies: Set<AgencyID>?
    /// Keys, registry and policy; nil only when the coordinator runs without trust (`allowInsecure`).
    let trust: CoordinatorTrust?
    /// Authentication failures (ZAP refusals, failed handshakes) in the last minute, for the alert.
    var authenticationFailures: [ContinuousClock.Instant] = []
    var authenticationFailuresTotal: Int64 = 0
    var alerts: [String] = []
    var quietRefusals: [AgencyID: ContinuousClock.Instant] = [:]
    /// The joint protocols' shared processes: the authoritative state of every subject.
    var workflow: WorkflowBook
    /// 督办 items waiting for the next joint meeting.
    var agenda: [AgendaRow] = []
    /// A driven clock's day (day ordinal; unused with the wall clock).
    var drivenDay = 0
    /// The last day the deadline engine ran for (day ordinal).
    var firedThrough = 0
    /// When the last meeting agenda froze (new clues since then go on the next one).
    var lastFreezeAt = Date(timeIntervalSince1970: 0)
    /// Links to other regions' coordinators, and how far each one's deliveries are admitted here.
    let links: [FederationLink]
    var federationCursors: [AgencyID: Int64] = [:]
    /// The console's hub and metrics (nil when the console is off).
    let console: ConsoleHub?
    let metrics: ConsoleMetrics?
    /// The newest refusals, for the console (at most 100).
    var recentRejections: [ConsoleSnapshot.Rejection] = []
    var lastSnapshotAt = ContinuousClock.now - .seconds(10)
    var lastGaugesAt = ContinuousClock.now - .seconds(10)
    var lastKeepAliveAt = ContinuousClock.now

    /// Where the engine's answers go: the ROUTER and the XPUB of the service.
    struct Outbound {
        var toNode: @Sendable (_ identity: Data, _ frames: [Data]) -> Void
        var publish: @Sendable (_ frames: [Data]) -> Void
    }

    init(
        configuration: CoordinatorConfiguration, store: CoordinatorStore, outbound: Outbound, logger: Logger,
        trust: CoordinatorTrust?, links: [FederationLink] = [], console: ConsoleHub? = nil, metrics: ConsoleMetrics? = nil
    ) throws {
        self.trust = trust
        self.links = links
        self.console = console
        self.metrics = metrics
        self.configuration = configuration
        self.store = store
        self.outbound = outbound
        self.logger = logger
        self.validator = EnvelopeValidator(maxMessageBytes: configuration.maxMessageBytes)
        // With trust, the registry decides who exists; the static list is for a coordinator without keys.
        self.knownAgencies = trust == nil ? configuration.agencies.map(Set.init) : nil
        self.workflow = WorkflowBook(rules: configuration.protocolRules)
        try reloadState()
    }

    /// Rebuilds the in-memory view from the store (at start-up, and after a failed commit).
    func reloadState() throws {
        // Read everything before changing anything: a failed read leaves the old state whole.
        let state = try store.loadState()
        let persisted = try store.loadWorkflow()
        sources = state.sourceSequences
        topics = state.topicHeads
        messagesStored = state.messagesStored
        quarantined = state.quarantined
        federationCursors = state.federationCursors
        var rebuilt: [AgencyID: NodeState] = [:]
        for agency in Set(state.queueTails.keys).union(state.nodeKinds.keys) {
            var node = nodes[agency] ?? NodeState()
            node.queueTail = state.queueTails[agency] ?? 0
            node.ackedThrough = state.ackedThrough[agency] ?? 0
            node.sentThrough = node.ackedThrough
            node.kind = state.nodeKinds[agency]?.kind
            node.softwareVersion = state.nodeKinds[agency]?.version
            node.lastSeenWall = state.nodeKinds[agency]?.lastSeen
            rebuilt[agency] = node
        }
        nodes = rebuilt
        workflow = WorkflowBook(records: persisted.records, rules: configuration.protocolRules)
        agenda = persisted.agenda
        let wall = configuration.clock.wallDay()
        drivenDay = persisted.today ?? configuration.clock.start.map { GregorianDay($0).ordinal } ?? wall
        firedThrough = persisted.firedThrough ?? (configuration.clock.driven ? drivenDay : wall)
        lastFreezeAt = Date(timeIntervalSince1970: Double(persisted.lastFreezeAt ?? 0))
        if configuration.clock.driven, firedThrough > drivenDay {
            logger.error(
                "the deadline engine already ran up to a day after the driven clock's; no deadline fires until the clock passes it",
                metadata: [
                    "xianjie.firedThrough": "\(GregorianDay(ordinal: firedThrough).calendarDate)",
                    "xianjie.today": "\(GregorianDay(ordinal: drivenDay).calendarDate)",
                ])
        }
    }

    // MARK: Sending

    func send<P: MessagePayload>(
        _ payload: P, to agency: AgencyID, identity: Data, correlationid: String? = nil, meta: DeliveryMeta = .transient
    ) {
        let header = EnvelopeHeader(
            source: .coordinator, type: P.messageType, dataschema: P.schemaID, recipients: [agency],
            correlationid: correlationid)
        do {
            var message = try WireMessage.make(payload, header: header)
            if let trust { message = trust.sign(message) }
            outbound.toNode(identity, [meta.encoded()] + message.frames)
        } catch {
            logger.error("cannot encode \(P.messageType) for \(agency): \(error)")
        }
    }

    /// Whether anyone watches the live flow: an XPUB subscriber of `$flow`, or a console dashboard.
    var flowWanted: Bool { flowSubscribed || console?.hasListeners == true }

    func publishFlow(_ event: FlowEvent) {
        console?.flow(event)
        guard flowSubscribed else { return }
        let header = EnvelopeHeader(
            source: .coordinator, type: FlowEvent.messageType, dataschema: FlowEvent.schemaID, topic: flowTopic)
        guard var message = try? WireMessage.make(event, header: header) else { return }
        if let trust { message = trust.sign(message) }
        outbound.publish([topicFrame(flowTopic), DeliveryMeta.transient.encoded()] + message.frames)
    }

    func countRejection(_ reason: Rejection.Reason) {
        rejectionsByReason[reason.rawValue, default: 0] += 1
        metrics?.rejected(reason: reason.rawValue)
    }
}
