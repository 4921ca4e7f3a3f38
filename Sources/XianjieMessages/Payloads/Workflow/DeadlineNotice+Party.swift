extension DeadlineNotice {
    /// A party to a deadline: its role in the process, and the agency and person playing it when known.
    /// Also used by ``CaseReport`` and ``DueReport``.
    package struct Party: Codable, Sendable, Equatable {
        /// The role, e.g. `agency`, `congress`, `deputy`, `superiorProcuratorate`.
        package var role: String
        package var agency: AgencyID?
        /// A person inside the agency, e.g. a deputy number.
        package var person: String?

        package init(role: String, agency: AgencyID? = nil, person: String? = nil) {
            self.role = role
            self.agency = agency
            self.person = person
        }
    }
}
