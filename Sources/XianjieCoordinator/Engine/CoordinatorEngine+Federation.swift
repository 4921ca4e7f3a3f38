import Foundation
import XianjieMessages
import XianjieNode
import XianjieProtocols
import XianjieTrust

/// A link to another region's coordinator: this coordinator, connected there as a node with its own keys
/// (registered there with kind `federation`), taking delivery of what that region addresses to this one.
struct FederationLink: Sendable {
    let configuration: FederationConfiguration.Link
    let runtime: NodeRuntime

    var agency: AgencyID { configuration.agency }
    var region: String { configuration.region }
}

/// Outbound: a document for another region's agency waits in the queue of that region's link identity,
/// with the same acknowledgements and redelivery as any node's queue, until the other coordinator has
/// admitted it. Only documents of a cooperation agreement travel, between its parties.
/// Inbound: what a link took delivery of is admitted here as if its sender were local (its signature,
/// the policy and the joint protocols checked again under this coordinator's copy of the agreement), then
/// queued for this region's recipients; the link's position moves in the same transaction.
extension CoordinatorEngine {
    /// The queues a document goes to: each local recipient's own, and for another region's recipients the
    /// queue of that region's link (once per region). `remote` maps each remote recipient to its region.
    func queues(for recipients: [AgencyID]) -> (queues: [AgencyID], remote: [AgencyID: String]) {
        guard let trust, trust.region != nil else { return (recipients, [:]) }
        var queues: [AgencyID] = []
        var remote: [AgencyID: String] = [:]
        for recipient in recipients {
            guard let region = trust.remoteRegion(of: recipient) else {
                queues.append(recipient)
                continue
            }
            remote[recipient] = region
            if let link = trust.link(to: region), !queues.contains(link) { queues.append(link) }
        }
        return (queues, remote)
    }

    /// A remote recipient whose region has no link registered here, refused before anything else.
    func unlinkedRecipient(_ remote: [AgencyID: String]) -> EnvelopeError? {
        guard let trust else { return nil }
        for (recipient, region) in remote.sorted(by: { $0.key < $1.key }) where trust.link(to: region) == nil {
            return EnvelopeError(
                .unknownRecipient,
                "\(recipient) is an agency of \(region), and no federation link to \(region) is registered here")
        }
        return nil
    }

    /// Why a document may not cross regions, or nil when an agreement carries it: it moved an agreement (or
    /// a clue transfer or evidence request under one) whose parties include the sender and every agency
    /// of the other region it names.
    func federationRefusal(
        of header: EnvelopeHeader, remote: [AgencyID: String], admission: WorkflowAdmission
    ) -> EnvelopeError? {
        guard case .admitted(let change, _) = admission,
            let (agreementId, parties) = governingAgreement(of: change)
        else {
            return EnvelopeError(
                .forbidden,
                "\(header.type) does not cross regions: a federation link carries only the documents of a cooperation agreement (its terms and signatures, clue transfers, evidence requests) between its parties"
            )
        }
        let involved = [header.source] + remote.keys.sorted()
        if let outsider = involved.first(where: { !parties.contains($0) }) {
            return EnvelopeError(
                .forbidden,
                "\(outsider) is not a party of agreement \(agreementId); only its parties exchange its documents across regions")
        }
        return nil
    }

    /// The agreement a workflow change acts under, with its parties (a pending amendment's included).
    /// Shared information moves no process but its step still touches the agreement's record, so it
    /// is found here too.
    private func governingAgreement(of change: WorkflowChange) -> (String, Set<AgencyID>)? {
        for record in change.records.values.sorted(by: { $0.process.subjectId < $1.process.subjectId }) {
            let agreementId: String
            switch record.process {
            case .agreement(let p):
                return (p.agreementId, Set(p.terms.parties).union(p.pending?.parties ?? []))
            case .clueTransfer(let p): agreementId = p.agreementId
            case .assistance(let p): agreementId = p.agreementId
            default: continue
            }
            let agreement = change.records[agreementId]?.process ?? workflow.records[agreementId]?.process
            if case .agreement(let a)? = agreement { return (agreementId, Set(a.terms.parties)) }
        }
        return nil
    }

    /// Recipients registered here as agencies of this region (what the coordinator's own documents may
    /// address, and where a document from another region is delivered): another region's agencies and
    /// ids this registry does not know are left out.
    func localOnly(_ recipients: [AgencyID]) -> [AgencyID] {
        guard let trust, trust.region != nil else { return recipients }
        return recipients.filter { recipient in
            guard let entry = trust.entry(recipient)?.entry else { return false }
            return trust.isLocal(entry) && entry.kind != RegistryEntry.federationKind
        }
    }

    // MARK: Inbound

    /// Admits what the links have taken delivery of since their last admitted position: one turn.
    func pullFederation() async {
        guard !links.isEmpty else { return }
        // A backlog (after an outage) is admitted 256 documents per link and turn, until it is empty.
        for _ in 0..<16 {
            var turn = Turn()
            var more = false
            for link in links {
                let after = federationCursors[link.agency] ?? 0
                let rows: [InboxMessage]
                do {
                    rows = try await link.runtime.store.inbox(after: after, limit: 256)
                } catch {
                    logger.error("cannot read federation link \(link.agency)'s inbox: \(error)")
                    continue
                }
                guard let last = rows.last else { continue }
                for row in rows { admitFederated(row.message, via: link, into: &turn) }
                federationCursors[link.agency] = last.position
                turn.batch.federationCursors[link.agency] = last.position
                more = more || rows.count == 256
            }
            if !turn.batch.isEmpty { await finish(turn) }
            guard more else { return }
        }
    }

    private func admitFederated(_ wire: WireMessage, via link: FederationLink, into turn: inout Turn) {
        let header = wire.header
        let refuse = { (turn: inout Turn, error: EnvelopeError) in
            self.quarantine(
                peer: header.source.rawValue, identity: Data(), frames: wire.frames, error: error, header: header,
                settles: false, answer: false, into: &turn)
        }
        guard let trust else { return }
        guard let registered = trust.entry(header.source), registered.entry.region == link.region,
            registered.entry.kind != RegistryEntry.federationKind
        else {
            refuse(
                &turn,
                EnvelopeError(
                    .forbidden,
                    "\(header.source) is not registered here as an agency of \(link.region); the link from \(link.region) carries only that region's documents"
                ))
            return
        }
        guard registered.entry.status == .active else {
            refuse(&turn, EnvelopeError(.forbidden, "\(header.source) is \(registered.entry.status.rawValue) here"))
            return
        }
        guard let key = registered.signingKey, MessageSignature.isValid(wire, publicKey: key) else {
            countAuthenticationFailure("a document of \(header.source) relayed from \(link.region) with a bad signature")
            refuse(
                &turn,
                EnvelopeError(.badSignature, "the signature does not verify with \(header.source)'s registered signing key"))
            return
        }
        if let problem = validator.check(wire) {
            refuse(&turn, problem)
            return
        }
        guard MessageCatalog.descriptor(for: header.type)?.delivery == .durable else {
            refuse(&turn, EnvelopeError(.protocolViolation, "\(header.type) is not a document; only documents cross regions"))
            return
        }
        let local = Array(Set(localOnly(header.recipients ?? []))).sorted()
        guard !local.isEmpty else {
            refuse(&turn, EnvelopeError(.unknownRecipient, "\(header.type) from \(link.region) names no agency of this region"))
            return
        }
        var localHeader = header
        localHeader.recipients = local
        if let refused = trust.authorize(localHeader) {
            refuse(&turn, refused)
            return
        }
        let saved = workflow
        let admission = workflowAdmission(of: wire)
        if case .refused(let violation) = admission {
            var problem = EnvelopeError(.workflowViolation, violation.message)
            problem.rule = violation.rule.description
            refuse(&turn, problem)
            return
        }
        let remote = Dictionary(uniqueKeysWithValues: local.map { ($0, link.region) })
        if let refused = federationRefusal(of: header, remote: remote, admission: admission) {
            workflow = saved
            refuse(&turn, refused)
            return
        }
        let now = Date()
        let hash = MessageSignature.hash(wire)
        enqueue(wire, recipients: local, at: now, hash: hash, into: &turn)
        turn.batch.audit.append(
            PendingAudit(
                .messageAccepted, actor: header.source.rawValue, subject: header.subject, messageId: header.id,
                messageHash: hash,
                detail: "\(header.type) #\(header.sequence ?? 0) from \(header.source) of \(link.region), over the federation link, to "
                    + local.map(\.rawValue).joined(separator: ", ")))
        if case .admitted(let change, let day) = admission {
            record(change, messageId: header.id, day: day, into: &turn)
        }
        metrics?.federationAdmitted()
    }
}
