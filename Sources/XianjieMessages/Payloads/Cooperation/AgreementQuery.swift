/// Asks the coordinator about cross-region cooperation agreements, answered by ``AgreementReport``.
package struct AgreementQuery: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.agreementQuery"
    package static let schemaName = "bus-agreement-query.v1"
    package static let delivery = DeliveryClass.transient

    /// One agreement; absent: all.
    package var agreementId: String?

    package init(agreementId: String? = nil) { self.agreementId = agreementId }
}

/// Cross-region cooperation agreements as the coordinator keeps them: the terms in force, who signed,
/// the state and the clues transferred under each.
package struct AgreementReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.agreementReport"
    package static let schemaName = "bus-agreement-report.v1"
    package static let delivery = DeliveryClass.transient

    package struct Agreement: Codable, Sendable, Equatable {
        package var agreementId: String
        package var version: Int
        package var title: String
        /// The agreement's state, e.g. `draft`, `negotiating`, `active`, `suspended`, `terminated`.
        package var state: String
        package var parties: [AgencyID]
        /// The parties that signed the version being signed (every party once it is in force).
        package var signedBy: [AgencyID]
        package var area: AgreementArea
        package var domains: [PublicInterestDomain]
        package var modules: [CooperationModule]
        package var trial: Bool
        package var acknowledgeWithinDays: Int
        package var feedbackWithinDays: Int
        /// The ids of the clue transfers sent under it.
        package var transfers: [String]

        package init(
            agreementId: String, version: Int, title: String, state: String, parties: [AgencyID],
            signedBy: [AgencyID], area: AgreementArea, domains: [PublicInterestDomain], modules: [CooperationModule],
            trial: Bool, acknowledgeWithinDays: Int, feedbackWithinDays: Int, transfers: [String]
        ) {
            self.agreementId = agreementId
            self.version = version
            self.title = title
            self.state = state
            self.parties = parties
            self.signedBy = signedBy
            self.area = area
            self.domains = domains
            self.modules = modules
            self.trial = trial
            self.acknowledgeWithinDays = acknowledgeWithinDays
            self.feedbackWithinDays = feedbackWithinDays
            self.transfers = transfers
        }
    }

    /// The coordinator's day.
    package var today: CalendarDate
    package var agreements: [Agreement]

    package init(today: CalendarDate, agreements: [Agreement]) {
        self.today = today
        self.agreements = agreements
    }
}
