import Foundation
import XianjieMessages
import XianjieTrust

extension CoordinatorEngine {
    /// Failed authentications in the last minute above this raise an alert.
    static let authenticationAlertThreshold = 5

    func countAuthenticationFailure(_ description: String? = nil) {
        metrics?.authenticationRefused()
        let now = ContinuousClock.now
        authenticationFailuresTotal += 1
        authenticationFailures.append(now)
        authenticationFailures.removeAll { now - $0 > .seconds(60) }
        if authenticationFailures.count > Self.authenticationAlertThreshold {
            let alert =
                "\(authenticationFailures.count) failed authentications in the last minute"
                + (description.map { "; latest: \($0)" } ?? "")
                + ". Check for a client with a wrong or revoked key, or an intruder."
            if alerts.last != alert {
                logger.critical("authentication alert", metadata: ["xianjie.alert": "\(alert)"])
            }
            alerts = [alert]
        } else if authenticationFailures.count <= 1 {
            alerts = []
        }
    }

    /// Control messages of a suspended or revoked agency: logged at most once a minute per agency.
    func quietlyRefused(_ agency: AgencyID, _ error: EnvelopeError) {
        let now = ContinuousClock.now
        if let last = quietRefusals[agency], now - last < .seconds(60) { return }
        quietRefusals[agency] = now
        logger.notice(
            "ignoring control messages of a refused agency",
            metadata: ["xianjie.agency": "\(agency)", "xianjie.detail": "\(error.detail)"])
    }

    /// A refused CURVE handshake or ZAP request: counted, audited.
    func authenticationRefused(_ detail: String) async {
        countAuthenticationFailure(detail)
        var batch = IngestBatch()
        batch.audit.append(PendingAudit(.authenticationRefused, actor: nil, detail: detail))
        do { _ = try await store.commit(batch) } catch { logger.error("cannot audit a refused connection: \(error)") }
    }

    /// Reloads the registry when an operator changed it (polled every tick: changes apply without restart).
    func reloadRegistryIfChanged() {
        guard let trust else { return }
        do {
            let version = try store.registryVersion()
            guard version != trust.version else { return }
            trust.load(try store.registry(), version: version)
            logger.notice("registry loaded", metadata: ["xianjie.registry.version": "\(version)"])
        } catch {
            logger.error("cannot read the registry: \(error)")
        }
    }

    /// Tells each sender, with a durable signed receipt from the coordinator, which of its messages
    /// recipients have now applied; written in the same transaction as the acknowledgements.
    func confirmDeliveries(into turn: inout Turn) async {
        var bySource: [AgencyID: [DeliveryReceipt.Entry]] = [:]
        var flows: [FlowEvent] = []
        let now = Date()
        for item in turn.delivered where item.to > item.from {
            let rows: [(source: AgencyID, id: String, sequence: Int64, hash: String?, subject: String?)]
            do {
                rows = try await store.deliveredMessages(recipient: item.recipient, after: item.from, through: item.to)
            } catch {
                logger.error("cannot read what \(item.recipient) acknowledged: \(error)")
                continue
            }
            for row in rows where row.source != .coordinator {
                turn.batch.audit.append(
                    PendingAudit(
                        .deliveryConfirmed, actor: item.recipient.rawValue, subject: row.subject, messageId: row.id,
                        messageHash: row.hash,
                        detail: "\(row.id) #\(row.sequence) from \(row.source) applied by \(item.recipient)"))
                flows.append(
                    FlowEvent(
                        event: .delivered, messageId: row.id, at: now, source: row.source, type: nil,
                        recipients: [item.recipient], subject: row.subject, bytes: 0))
                // Another region's sender hears from its own coordinator, when the link took delivery.
                guard trust?.remoteRegion(of: row.source) == nil else { continue }
                bySource[row.source, default: []].append(
                    DeliveryReceipt.Entry(
                        messageId: row.id, sequence: row.sequence, hash: row.hash, recipient: item.recipient,
                        deliveredAt: now))
            }
        }
        for (source, entries) in bySource.sorted(by: { $0.key < $1.key }) {
            let sequence = (sources[.coordinator] ?? 0) + 1
            let header = EnvelopeHeader(
                source: .coordinator, type: DeliveryReceipt.messageType, dataschema: DeliveryReceipt.schemaID,
                recipients: [source], sequence: sequence)
            guard var wire = try? WireMessage.make(DeliveryReceipt(entries: entries), header: header) else { continue }
            if let trust { wire = trust.sign(wire) }
            await accept(wire, identity: Data(), into: &turn)
        }
        turn.receipts[.coordinator] = nil  // the coordinator does not send itself receipts
        if flowWanted, !flows.isEmpty {
            turn.afterCommit.append { [self] _ in for flow in flows { publishFlow(flow) } }
        }
    }
}
