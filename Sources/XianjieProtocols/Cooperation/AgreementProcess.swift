import XianjieMessages

/// 跨区域协作机制 (DOMAIN.md §4 E): an agreement from its draft to every party's signature (会签),
/// in force, amended, suspended or terminated.
///
/// draft → negotiating (first signature) → active (every party signed) → amended (a new version is
/// being signed; the signed one stays in force) → active | suspended ⇄ active | terminated.
package struct AgreementProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case draft, negotiating, active, amended, suspended, terminated
    }

    package enum Event: Codable, Sendable, Equatable {
        /// A party proposes the next version of the terms (the agreement must be in force).
        case amend(CooperationAgreement)
        /// 会签: a party signs the version being signed.
        case sign(version: Int)
        case suspend(reason: String)
        case resume(reason: String)
        case terminate(reason: String)

        package var name: String {
            switch self {
            case .amend: "amend"
            case .sign(let version): "sign(v\(version))"
            case .suspend: "suspend"
            case .resume: "resume"
            case .terminate: "terminate"
            }
        }
    }

    package let agreementId: String
    /// The terms in force (or, before the first signature round completes, the draft's).
    package internal(set) var terms: CooperationAgreement
    /// An amendment being signed.
    package internal(set) var pending: CooperationAgreement?
    /// Who signed the version being signed (the draft's, or the amendment's).
    package internal(set) var signedBy: Set<AgencyID> = []
    package internal(set) var state: State = .draft
    package internal(set) var reason: String?

    package init(terms: CooperationAgreement) {
        self.agreementId = terms.agreementId
        self.terms = terms
    }

    /// Whether its terms govern transfers and sharing now.
    package var inForce: Bool { state == .active || state == .amended }

    /// Why a document under the agreement is outside it, or nil when the agreement covers it.
    package func coverage(
        module: CooperationModule, domain: PublicInterestDomain?, segment: String?, parties involved: [AgencyID]
    ) -> ProtocolViolation? {
        guard inForce else {
            return ProtocolViolation(
                .agreementNotActive, "agreement \(agreementId) is \(state.rawValue); nothing may be exchanged under it")
        }
        if let outsider = involved.first(where: { !terms.parties.contains($0) }) {
            return ProtocolViolation(
                .notAParty,
                "\(outsider) is not a party of agreement \(agreementId) (parties: \(terms.parties.map(\.rawValue).joined(separator: ", ")))")
        }
        guard terms.modules.contains(module) else {
            return ProtocolViolation(.outOfScope, "agreement \(agreementId) has no \(module.rawValue) module")
        }
        if let domain, !terms.domains.contains(domain) {
            return ProtocolViolation(.outOfScope, "agreement \(agreementId) does not cover the domain \(domain.rawValue)")
        }
        if let segment, !terms.area.segments.isEmpty, !terms.area.segments.contains(segment) {
            return ProtocolViolation(
                .outOfScope, "\(segment) is not in the area of agreement \(agreementId) (\(terms.area.name))")
        }
        return nil
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        try actor.require([.procuratorate, .congress], for: event.name, subject: agreementId)
        guard let agency = actor.agency, terms.parties.contains(agency) || pending?.parties.contains(agency) == true else {
            throw ProtocolViolation(.notAParty, "\(actor) is not a party of agreement \(agreementId)")
        }
        if case .sign = event {
        } else if !terms.parties.contains(agency) {
            // A party named only in an amendment being signed has no say over the agreement in force.
            throw ProtocolViolation(
                .notAParty, "\(agency) is a party of the amendment being signed only; it may sign, not \(event.name) \(agreementId)")
        }
        switch event {
        case .amend(let next):
            guard state == .active else { throw outOfOrder(event) }
            guard next.version == terms.version + 1 else {
                throw ProtocolViolation(
                    .invalidArgument, "an amendment of \(agreementId) must be version \(terms.version + 1), not \(next.version)")
            }
            pending = next
            signedBy = []
            state = .amended
            return next.parties.map { .notify(.agency($0), "修订: agreement \(agreementId) v\(next.version) to sign") }
        case .sign(let version):
            guard [.draft, .negotiating, .amended].contains(state) else { throw outOfOrder(event) }
            let signing = pending ?? terms
            guard version == signing.version else {
                throw ProtocolViolation(
                    .invalidArgument, "agreement \(agreementId) is signing version \(signing.version), not \(version)")
            }
            guard signing.parties.contains(agency) else {
                throw ProtocolViolation(.notAParty, "\(agency) is not a party of version \(version) of \(agreementId)")
            }
            guard !signedBy.contains(agency) else {
                throw ProtocolViolation(.alreadyDone, "\(agency) already signed version \(version) of \(agreementId)")
            }
            signedBy.insert(agency)
            if state == .draft { state = .negotiating }
            guard Set(signing.parties).isSubset(of: signedBy) else { return [] }
            terms = signing
            pending = nil
            state = .active
            return signing.parties.map { .notify(.agency($0), "生效: agreement \(agreementId) v\(version) signed by every party") }
        case .suspend(let reason):
            guard inForce else { throw outOfOrder(event) }
            try requireReason(reason, event)
            state = .suspended
            self.reason = reason
        case .resume(let reason):
            guard state == .suspended else { throw outOfOrder(event) }
            try requireReason(reason, event)
            state = pending == nil ? .active : .amended
            self.reason = reason
        case .terminate(let reason):
            guard state != .terminated else { throw outOfOrder(event) }
            try requireReason(reason, event)
            state = .terminated
            self.reason = reason
        }
        return []
    }

    private func requireReason(_ reason: String, _ event: Event) throws(ProtocolViolation) {
        guard !reason.isBlank else {
            throw ProtocolViolation(.explanationRequired, "\(event.name) of agreement \(agreementId) needs a reason")
        }
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: agreementId)
    }
}
