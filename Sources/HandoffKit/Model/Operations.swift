/// Until when the result has to run: a date after which it can be taken down, or `permanent`.
/// IT plans hosting, certificates and clean-up from it, so "until further notice" is not enough.
public enum RunsUntil: DraftCodable, Hashable {
    case date(CivilDate)
    case permanent

    /// Words that mean "it stays": the value, and the Japanese a marketer types in the interview.
    static let permanentSpellings = ["permanent", "恒久", "無期限"]

    /// A `YYYY-MM-DD` date, or `permanent` in any ASCII letter case (恒久 and 無期限 too); surrounding
    /// spaces are ignored. Anything else is an error.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> RunsUntil? {
        if node.isScalar, let value = readingASCII(node.scalarBytes) { return value }
        return decodeByText(node, in: &context)
    }

    /// What ASCII `bytes` say, read in place: `permanent` in any letter case or a date, spaces
    /// around trimmed; nil for anything else, which `decodeByText` reads (Japanese, errors).
    static func readingASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> RunsUntil? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if trimmed.count == 9, zip(trimmed, "permanent".utf8).allSatisfy({ $0 | 0x20 == $1 }) { return .permanent }
        if case .success(let date) = CivilDate.parse(bytes: trimmed) { return .date(date) }
        return nil
    }

    /// `decode` through the scalar's text: the reference the byte path is tested against, and
    /// what words the errors.
    static func decodeByText(_ node: TableNode, in context: inout DecodeContext) -> RunsUntil? {
        guard node.isScalar else {
            context.fail(
                node, "expected a date YYYY-MM-DD or 'permanent', found \(node.kindDescription)",
                japanese: "YYYY-MM-DD の日付か permanent を書いてください。書かれているのは\(node.kindDescription)です。")
            return nil
        }
        let text = node.text
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

    /// `YYYY-MM-DD` or `permanent`, as the draft writes it.
    public var description: String {
        switch self {
        case .date(let date): return date.description
        case .permanent: return "permanent"
        }
    }

    /// The description as a plain scalar.
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
    /// Expected visitors, sends or calls, and the peaks (e.g. after the invitation e-mail); nil until answered.
    public var expectedTraffic: String?
    /// yes, no or unsure: new third-party scripts, cookies or data leaving the company; nil until answered.
    public var securityImpact: SecurityImpact?
    /// Which scripts, cookies or data flows are new; nil until answered.
    public var securityNotes: String?
    /// Who maintains it after launch; nil until answered.
    public var maintainedBy: String?
    /// When it can be taken down: a date YYYY-MM-DD, or permanent; nil until answered.
    public var until: RunsUntil?
    /// An empty operations section, as a draft without `operations:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the operations section"
    /// The keys of the operations section, in the order they are written and asked, with their descriptions.
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
    /// Landing page: the URL or domain it lives on; nil until answered.
    public var url: String?
    /// Landing page: who supplies the copy and images; nil until answered.
    public var contentSupplier: String?
    /// Landing page: when the copy and images arrive, YYYY-MM-DD; nil until answered.
    public var contentDue: CivilDate?
    /// Landing page: devices and screen sizes it must work on; nil until answered.
    public var responsive: String?
    /// Landing page: accessibility expectations (e.g. WCAG 2.1 AA); nil until answered.
    public var accessibility: String?
    /// Form: the consent text shown beside the submit button; nil until answered.
    public var consentText: String?
    /// Form: who approves the consent text; nil until answered.
    public var consentApprover: String?
    /// Form: CAPTCHA or other spam protection; nil until answered.
    public var spamProtection: String?
    /// Form: where submissions go and how fast; nil until answered.
    public var submissionsTo: String?
    /// E-mail: the list or segment it is sent to; nil until answered.
    public var mailingList: String?
    /// E-mail: how the people on the list agreed to receive it; nil until answered.
    public var listConsent: String?
    /// E-mail: the sender name and address; nil until answered.
    public var sender: String?
    /// E-mail: how recipients unsubscribe; nil until answered.
    public var unsubscribe: String?
    /// E-mail: when it is sent; nil until answered.
    public var sendTime: String?
    /// Tracking: which tags or pixels are added or changed; nil until answered.
    public var tags: String?
    /// Tracking: which cookies they set; nil until answered.
    public var cookies: String?
    /// Tracking: changes to the cookie consent banner; nil until answered.
    public var consentBanner: String?
    /// Integration or export: which data moves; nil until answered.
    public var dataItems: String?
    /// Integration or export: from which system to which; nil until answered.
    public var direction: String?
    /// Integration or export: how often (real time, nightly, once); nil until answered.
    public var frequency: String?
    /// Integration or export: who owns each side; nil until answered.
    public var sideOwners: String?
    /// No details, as a draft without `details:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the kind-specific details"
    /// The keys of the details, in the order they are written, each with the kind of request it belongs to.
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
