import XianjieMessages

/// 检察建议转化为代表建议 (reverse conversion, DOMAIN.md §4 C): an issued procuratorial suggestion
/// is copied to the congress, screened, adopted by a lead deputy (领衔代表) and submitted as a
/// deputy suggestion carrying `originCaseId`, which then follows track A.
package struct ReverseConversionProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// 已制发.
        case issued
        /// 符合抄送条件.
        case copyEligible
        /// 已抄送人大.
        case copiedToCongress
        /// 研判: the congress extracts system-governance recommendations.
        case screening
        /// 不予转化.
        case notConverted
        /// 拟转化.
        case conversionProposed
        /// 代表领衔.
        case adoptedByDeputy
        /// 已作为代表建议提出.
        case submitted
    }

    /// 抄送条件: the criteria the copy carries (``SuggestionCopy/Criteria``); any one makes the
    /// suggestion worth copying to the congress.
    package typealias Eligibility = SuggestionCopy.Criteria

    package enum Event: Codable, Sendable, Equatable {
        /// Procuratorate: the suggestion meets the copy criteria.
        case markCopyEligible(Eligibility)
        /// Procuratorate: 抄送人大.
        case copyToCongress
        /// Congress: starts screening.
        case beginScreening
        /// Congress: not converted, with the reason.
        case decideNotToConvert(reason: String)
        /// Congress: proposes the recommendation a deputy could take up.
        case proposeConversion(recommendation: String)
        /// Deputy: signs as lead deputy (the actor's `person`).
        case adopt
        /// The lead deputy: submits it as deputy suggestion `suggestionId` (between sessions).
        case submit(suggestionId: String)

        package var name: String {
            switch self {
            case .markCopyEligible: "markCopyEligible"
            case .copyToCongress: "copyToCongress"
            case .beginScreening: "beginScreening"
            case .decideNotToConvert: "decideNotToConvert"
            case .proposeConversion: "proposeConversion"
            case .adopt: "adopt"
            case .submit: "submit"
            }
        }
    }

    /// The procuratorial case the suggestion belongs to (becomes `originCaseId`).
    package let caseId: String
    package let documentNumber: String
    package internal(set) var state: State = .issued
    package internal(set) var eligibility: Eligibility?
    package internal(set) var recommendation: String?
    package internal(set) var notConvertedReason: String?
    package internal(set) var leadDeputy: String?
    package internal(set) var suggestionId: String?

    package init(caseId: String, documentNumber: String) {
        self.caseId = caseId
        self.documentNumber = documentNumber
    }

    /// The track-A process to open for the submitted suggestion, linked by `originCaseId`.
    package var deputySuggestion: DeputySuggestionProcess? {
        suggestionId.map { DeputySuggestionProcess(subjectId: $0, originCaseId: caseId) }
    }

}

extension SuggestionCopy.Criteria {
    /// 社会影响大, 群众关注度高, 违法行为典型 or 值得重视: one is enough.
    package var isEligible: Bool { wideImpact || publicAttention || typicalViolation || deservesAttention }
}
