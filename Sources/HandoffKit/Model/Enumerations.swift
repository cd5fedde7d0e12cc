/// Read and written as the draft's `lang:`.
extension Language: DraftEnum {
    /// Names the value in error messages.
    public static let valueName = "language"
}

/// What a stakeholder does in the request.
public enum Role: String, DraftEnum {
    case businessOwner = "business_owner"
    case approver
    case itContact = "it_contact"
    case legal, security, sales, finance, other
    /// Names the value in error messages.
    public static let valueName = "stakeholder role"
}

/// MoSCoW priority of a requirement.
public enum Priority: String, DraftEnum {
    case must, should, could, wont
    /// Names the value in error messages.
    public static let valueName = "requirement priority"
}

/// How firm the launch date is.
public enum DeadlineKind: String, DraftEnum {
    case hard, soft, none
    /// Names the value in error messages.
    public static let valueName = "deadline kind"
}

/// Whether Legal has reviewed the use of personal data and disclosures.
public enum LegalReview: String, DraftEnum {
    case yes, no, unsure
    /// Names the value in error messages.
    public static let valueName = "legal review answer"

    /// YAML 1.1 reads a bare `yes`/`no` as a boolean, so the boolean spellings stand for yes and no.
    public static let aliases: KeyValuePairs<String, LegalReview> = [
        "true": .yes, "y": .yes, "on": .yes,
        "false": .no, "n": .no, "off": .no,
        "unknown": .unsure, "not sure": .unsure,
    ]
    /// Said after the valid values when a value is refused, as the aliases take booleans.
    public static let aliasNote: String? = "(true and false also work)"
}

/// What kind of request it is: it decides which kind-specific questions the interview asks.
public enum RequestKind: String, DraftEnum {
    case landingPage = "landing_page"
    case form, email, tracking, integration
    case dataExport = "data_export"
    case contentChange = "content_change"
    case other
    /// Names the value in error messages.
    public static let valueName = "request kind"

    /// The spellings people type with a space or a hyphen instead of the underscore.
    public static let aliases: KeyValuePairs<String, RequestKind> = [
        "landing page": .landingPage, "landing-page": .landingPage,
        "e-mail": .email, "data export": .dataExport, "data-export": .dataExport,
        "content change": .contentChange, "content-change": .contentChange,
    ]
}

/// Whether the work brings new third-party scripts, cookies or data leaving the company.
public enum SecurityImpact: String, DraftEnum {
    case yes, no, unsure
    /// Names the value in error messages.
    public static let valueName = "security impact answer"

    /// YAML 1.1 reads a bare `yes`/`no` as a boolean, so the boolean spellings stand for yes and no.
    public static let aliases: KeyValuePairs<String, SecurityImpact> = [
        "true": .yes, "y": .yes, "on": .yes,
        "false": .no, "n": .no, "off": .no,
        "unknown": .unsure, "not sure": .unsure,
    ]
    /// Said after the valid values when a value is refused, as the aliases take booleans.
    public static let aliasNote: String? = "(true and false also work)"
}
