/// Until when the result has to run: a date after which it can be taken down, or `permanent`.
/// IT plans hosting, certificates and clean-up from it, so "until further notice" is not enough.
public enum RunsUntil: DraftCodable, Hashable {
    case date(CivilDate)
    case permanent

    /// Words that mean "it stays": the value, and the Japanese a marketer types in the interview.
    static let permanentSpellings = ["permanent", "恒久", "無期限"]

    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> RunsUntil? {
        guard case .scalar(let text, _) = node.kind else {
            context.fail(
                node, "expected a date YYYY-MM-DD or 'permanent', found \(node.kindDescription)",
                japanese: "YYYY-MM-DD の日付か permanent を書いてください。書かれているのは\(node.kindDescription)です。")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: " ")
        if permanentSpellings.contains(trimmed.asciiLowercased ?? trimmed) {
            return .permanent
        }
        if case .success(let date) = CivilDate.parse(trimmed) { return .date(date) }
        context.fail(
            node, "'\(text)' is neither a date YYYY-MM-DD nor 'permanent'; write when it can be taken down (e.g. 2027-01-31) or permanent",
            japanese: "「\(text)」は YYYY-MM-DD の日付でも permanent でもありません。終了できる日（例：2027-01-31）か permanent を書いてください。")
        return nil
    }

    public var description: String {
        switch self {
        case .date(let date): return date.description
        case .permanent: return "permanent"
        }
    }

    public var encoded: Value { .plain(description) }

    /// Text to the interview (a text question fills it), with the two forms as a pattern.
    public static var schema: Value {
        .object([("type", .string("string")), ("pattern", .string("^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|permanent)$"))])
    }

    /// The decoder's two forms in one pattern: a real date (with the spaces it trims) or one of
    /// the words for permanent in any ASCII letter case.
    public static var inputSchema: Value {
        let words = SchemaFragment.caseInsensitive(permanentSpellings)
        let wordsBody = words.dropFirst(1).dropLast(SchemaFragment.end.count)
        return SchemaFragment.typed(
            ["string"],
            [("pattern", .string("^ *(?:" + CivilDate.datePattern + "|" + wordsBody + ") *" + SchemaFragment.end))])
    }
}

/// What IT weighs beyond the feature: server load, security and who looks after it later.
public struct Operations: Record {
    public var expectedTraffic: String?
    public var securityImpact: SecurityImpact?
    public var securityNotes: String?
    public var maintainedBy: String?
    public var until: RunsUntil?
    public init() {}
    public static let recordName = "the operations section"
    public static let fields: [Field<Operations>] = [
        .value("expected_traffic", \.expectedTraffic, "Expected visitors, sends or calls, and the peaks (e.g. after the invitation e-mail)."),
        .value(
            "security_impact", \.securityImpact,
            "yes, no or unsure: new third-party scripts, cookies or data leaving the company."),
        .value("security_notes", \.securityNotes, "Which scripts, cookies or data flows are new."),
        .value("maintained_by", \.maintainedBy, "Who maintains it after launch."),
        .value("until", \.until, "When it can be taken down: a date YYYY-MM-DD, or permanent."),
    ]
}

/// The answers that only some kinds of request have: a form's consent text, an e-mail's sender, a
/// tag's cookies. One flat record, so a Jira reader sees plain labelled lines and a typo in a key
/// is still an error; the interview asks each only for the kinds it belongs to.
public struct KindDetails: Record {
    public var url: String?
    public var contentSupplier: String?
    public var contentDue: CivilDate?
    public var responsive: String?
    public var accessibility: String?
    public var consentText: String?
    public var consentApprover: String?
    public var spamProtection: String?
    public var submissionsTo: String?
    public var mailingList: String?
    public var listConsent: String?
    public var sender: String?
    public var unsubscribe: String?
    public var sendTime: String?
    public var tags: String?
    public var cookies: String?
    public var consentBanner: String?
    public var dataItems: String?
    public var direction: String?
    public var frequency: String?
    public var sideOwners: String?
    public init() {}
    public static let recordName = "the kind-specific details"
    public static let fields: [Field<KindDetails>] = [
        .value("url", \.url, "Landing page: the URL or domain it lives on."),
        .value("content_supplier", \.contentSupplier, "Landing page: who supplies the copy and images."),
        .value("content_due", \.contentDue, "Landing page: when the copy and images arrive, YYYY-MM-DD."),
        .value("responsive", \.responsive, "Landing page: devices and screen sizes it must work on."),
        .value("accessibility", \.accessibility, "Landing page: accessibility expectations (e.g. WCAG 2.1 AA)."),
        .value("consent_text", \.consentText, "Form: the consent text shown beside the submit button."),
        .value("consent_approver", \.consentApprover, "Form: who approves the consent text."),
        .value("spam_protection", \.spamProtection, "Form: CAPTCHA or other spam protection."),
        .value("submissions_to", \.submissionsTo, "Form: where submissions go and how fast."),
        .value("mailing_list", \.mailingList, "E-mail: the list or segment it is sent to."),
        .value("list_consent", \.listConsent, "E-mail: how the people on the list agreed to receive it."),
        .value("sender", \.sender, "E-mail: the sender name and address."),
        .value("unsubscribe", \.unsubscribe, "E-mail: how recipients unsubscribe."),
        .value("send_time", \.sendTime, "E-mail: when it is sent."),
        .value("tags", \.tags, "Tracking: which tags or pixels are added or changed."),
        .value("cookies", \.cookies, "Tracking: which cookies they set."),
        .value("consent_banner", \.consentBanner, "Tracking: changes to the cookie consent banner."),
        .value("data_items", \.dataItems, "Integration or export: which data moves."),
        .value("direction", \.direction, "Integration or export: from which system to which."),
        .value("frequency", \.frequency, "Integration or export: how often (real time, nightly, once)."),
        .value("side_owners", \.sideOwners, "Integration or export: who owns each side."),
    ]
}
