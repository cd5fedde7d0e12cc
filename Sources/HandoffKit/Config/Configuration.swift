/// The organisation's settings, from `handoff.yaml`. Every key is optional; unknown keys are
/// errors, like in drafts, so a typo never silently falls back to a default.
public struct Configuration: Record {
    /// How exports map onto your Jira project.
    public var jira = JiraSettings()
    /// Business days IT needs before a launch, 0 to 365; nil means the default (10): read `effectiveLeadTimeDays`.
    public var leadTimeDays: Int?
    /// The catalogue of known systems; empty when the config lists none.
    public var systems: [CatalogueSystem] = []
    /// Extra vague words to flag, per language, on top of the built-in ones.
    public var vagueWords = VagueWordSettings()
    /// Extra phrases that stand in for an answer (like TBD), per language.
    public var placeholders = PlaceholderSettings()

    /// All defaults, as an empty or absent config file gives.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the configuration"
    /// The keys of `handoff.yaml`, in the order they are written, with their descriptions and checks.
    public static let fields: [Field<Configuration>] = [
        .record("jira", \.jira, "How exports map onto your Jira project."),
        .value(
            "lead_time_days", \.leadTimeDays, "Business days IT needs before a launch (default 10).",
            check: { $0 < 0 || $0 > 365 ? "lead time must be between 0 and 365 business days" : nil }),
        .list(
            "systems", \.systems, "The catalogue of known systems.",
            check: { $0.name.isBlank ? "a catalogue system needs a name, e.g. {name: Marketo, aliases: [MA]}" : nil }),
        .record("vague_words", \.vagueWords, "Extra vague words to flag, per language."),
        .record("placeholders", \.placeholders, "Extra phrases that stand in for an answer (like TBD), per language."),
    ]

    /// Lead time, in business days, when the config gives none.
    public static let defaultLeadTimeDays = 10
    /// The lead time in business days: `leadTimeDays`, or 10 when the config gives none.
    public var effectiveLeadTimeDays: Int { leadTimeDays ?? Self.defaultLeadTimeDays }

    /// The catalogue entry whose name or alias matches `name`, ignoring case and spacing.
    public func catalogueEntry(named name: String) -> CatalogueSystem? {
        // Most configurations have no catalogue: nothing to normalise the name for.
        guard !systems.isEmpty else { return nil }
        let wanted = CatalogueSystem.normalise(name)
        return systems.first { entry in
            ([entry.name ?? ""] + entry.aliases).contains { CatalogueSystem.normalise($0) == wanted }
        }
    }
}

/// One system in the organisation's catalogue.
public struct CatalogueSystem: Record {
    /// The system's name; nil only while decoding, as the config check rejects an entry without one.
    public var name: String?
    /// Other names people use for it; `catalogueEntry(named:)` matches them too.
    public var aliases: [String] = []
    /// Owning team; nil when the config does not say.
    public var owner: String?
    /// The system collects leads (forms, CRM, marketing automation): Sales should be involved.
    public var leadForm: Bool?
    /// The system stores personal data.
    public var personalData: Bool?

    /// An entry with no name, for the decoder to fill.
    public init() {}
    /// An entry built in code (tests, defaults); `personalData` stays nil.
    public init(name: String, aliases: [String] = [], owner: String? = nil, leadForm: Bool? = nil) {
        self.name = name
        self.aliases = aliases
        self.owner = owner
        self.leadForm = leadForm
    }
    /// Names the record in error messages.
    public static let recordName = "a catalogue system"
    /// A bare name in the list stands for `{name: ...}`.
    public static var shorthand: WritableKeyPath<CatalogueSystem, String?>? { \.name }
    /// The keys of one catalogue entry, with their descriptions.
    public static let fields: [Field<CatalogueSystem>] = [
        .value("name", \.name, "The system's name."),
        .list("aliases", \.aliases, "Other names people use for it."),
        .value("owner", \.owner, "Owning team."),
        .value("lead_form", \.leadForm, "It collects leads (form, CRM, marketing automation)."),
        .value("personal_data", \.personalData, "It stores personal data."),
    ]

    static func normalise(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" \t-_.".unicodeScalars.contains($0) }.map(Character.init))
    }
}

/// Extra placeholder phrases, per language (`placeholders: {en: [...], ja: [...]}` in the config).
public struct PlaceholderSettings: Record {
    /// English phrases that stand in for an answer ("ask Bob").
    public var en: [String] = []
    /// Japanese phrases that stand in for an answer (「担当に聞く」).
    public var ja: [String] = []
    /// No extra phrases.
    public init() {}
    /// Extra phrases built in code.
    public init(en: [String], ja: [String]) {
        self.en = en
        self.ja = ja
    }
    /// Names the record in error messages.
    public static let recordName = "placeholders"
    /// The keys `en` and `ja`, with their descriptions.
    public static let fields: [Field<PlaceholderSettings>] = [
        .list("en", \.en, "English phrases that stand in for an answer (\"ask Bob\")."),
        .list("ja", \.ja, "Japanese phrases that stand in for an answer (「担当に聞く」)."),
    ]
}

/// Extra vague words, per language.
public struct VagueWordSettings: Record {
    /// English words and phrases to flag as vague.
    public var en: [String] = []
    /// Japanese words and phrases to flag as vague.
    public var ja: [String] = []
    /// No extra words.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "vague_words"
    /// The keys `en` and `ja`, with their descriptions.
    public static let fields: [Field<VagueWordSettings>] = [
        .list("en", \.en, "English words and phrases."),
        .list("ja", \.ja, "Japanese words and phrases."),
    ]

    /// The extra words for `language`; empty when the config gives none.
    public func words(for language: Language) -> [String] {
        switch language {
        case .en: return en
        case .ja: return ja
        }
    }
}

/// How exports map onto the Jira project.
public struct JiraSettings: Record {
    /// Jira site for push and pull, e.g. https://example.atlassian.net; nil means `--site` or a recorded `jira.url`.
    public var site: String?
    /// v3 (Jira Cloud, ADF descriptions) or v2 (Data Center, wiki markup); nil means asked of the site.
    public var api: JiraAPIVersion?
    /// Project key, e.g. MKT; nil means `defaultProjectKey` unless `--project` gives one.
    public var projectKey: String?
    /// Issue type of the request; nil means Story.
    public var issueType: String?
    /// Issue type of per-system sub-tasks; nil means Sub-task.
    public var subtaskType: String?
    /// Status new issues get; nil means To Do.
    public var status: String?
    /// Labels added to every export; none may contain whitespace.
    public var labels: [String] = []
    /// Components set on every export.
    public var components: [String] = []
    /// Your priority names for urgent, high, normal and low.
    public var priority = PriorityNames()
    /// Custom field ids, e.g. customfield_10015.
    public var fields = CustomFieldIDs()

    /// All defaults.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the jira settings"
    /// The keys under `jira:`, with their descriptions and checks.
    public static let fields: [Field<JiraSettings>] = [
        .value(
            "site", \.site, "Jira site for push and pull, e.g. https://example.atlassian.net.",
            check: { JiraSettings.siteProblem($0) }),
        .value("api", \.api, "v3 (Jira Cloud, ADF descriptions) or v2 (Data Center, wiki markup); default: asked of the site."),
        .value(
            "project_key", \.projectKey, "Project key, e.g. MKT.",
            check: { isProjectKey($0) ? nil : "'\($0)' is not a Jira project key: \(projectKeyRule)" }),
        .value("issue_type", \.issueType, "Issue type of the request (default Story)."),
        .value("subtask_type", \.subtaskType, "Issue type of per-system sub-tasks (default Sub-task)."),
        .value("status", \.status, "Status new issues get (default To Do)."),
        .list(
            "labels", \.labels, "Labels added to every export.",
            check: { label in
                label.contains(where: \.isWhitespace)
                    ? "Jira labels cannot contain spaces: '\(label)'; use '-' instead (e.g. '\(label.split(whereSeparator: \.isWhitespace).joined(separator: "-"))')"
                    : nil
            }),
        .list("components", \.components, "Components set on every export."),
        .record("priority", \.priority, "Your priority names for urgent, high, normal and low."),
        .record("fields", \.fields, "Custom field ids, e.g. customfield_10015."),
    ]

    /// The project key when neither `--project` nor `jira.project_key` gives one.
    public static let defaultProjectKey = "MKT"

    /// Jira's rule for project keys (its default, which Cloud cannot change): the one rule both
    /// `--project` and `jira.project_key` are held to.
    public static let projectKeyRule = "2 to 10 capital letters, digits or '_', starting with a letter (e.g. MKT)"

    /// Whether `key` follows `projectKeyRule`.
    public static func isProjectKey(_ key: String) -> Bool {
        let scalars = key.unicodeScalars
        guard let first = scalars.first, ("A"..."Z").contains(first), (2...10).contains(scalars.count) else {
            return false
        }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// Names of the priorities in the Jira project, from most to least urgent.
public struct PriorityNames: Record {
    /// Jira's name for urgent; nil means Highest.
    public var urgent: String?
    /// Jira's name for high; nil means High.
    public var high: String?
    /// Jira's name for normal; nil means Medium.
    public var normal: String?
    /// Jira's name for low; nil means Low.
    public var low: String?
    /// All defaults.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the priority names"
    /// The keys `urgent`, `high`, `normal` and `low`, with their defaults.
    public static let fields: [Field<PriorityNames>] = [
        .value("urgent", \.urgent, "Default Highest."),
        .value("high", \.high, "Default High."),
        .value("normal", \.normal, "Default Medium."),
        .value("low", \.low, "Default Low."),
    ]
}

/// Custom fields that exports fill, by the draft value they carry.
public struct CustomFieldIDs: Record {
    /// Date field for the launch date; nil leaves it out of exports.
    public var launch: String?
    /// Text field for the business owner; nil leaves it out of exports.
    public var businessOwner: String?
    /// Text field for the requester; nil leaves it out of exports.
    public var requester: String?
    /// Text field for the requesting team; nil leaves it out of exports.
    public var team: String?
    /// Text field for the business goal; nil leaves it out of exports.
    public var businessGoal: String?
    /// Text field for the KGI; nil leaves it out of exports.
    public var kgi: String?
    /// Text field for the expected value; nil leaves it out of exports.
    public var value: String?
    /// Text field for the legal review answer; nil leaves it out of exports.
    public var legalReview: String?
    /// No custom fields.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the custom field ids"
    static let check: @Sendable (String) -> String? = { id in
        let digits = id.hasPrefix("customfield_") ? id.dropFirst("customfield_".count) : ""
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
            ? nil : "'\(id)' is not a custom field id; they look like customfield_10015"
    }
    /// The keys under `jira.fields:`; each value must look like customfield_10015.
    public static let fields: [Field<CustomFieldIDs>] = [
        .value("launch", \.launch, "Date field for the launch date.", check: check),
        .value("business_owner", \.businessOwner, "Text field for the business owner.", check: check),
        .value("requester", \.requester, "Text field for the requester.", check: check),
        .value("team", \.team, "Text field for the requesting team.", check: check),
        .value("business_goal", \.businessGoal, "Text field for the business goal.", check: check),
        .value("kgi", \.kgi, "Text field for the KGI.", check: check),
        .value("value", \.value, "Text field for the expected value.", check: check),
        .value("legal_review", \.legalReview, "Text field for the legal review answer.", check: check),
    ]
}

extension JiraSettings {
    /// Why `text` cannot be a Jira site (not https, no host, credentials in it), or nil.
    public static func siteProblem(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return "'\(text)' is not a Jira site: give its address with https://, e.g. https://example.atlassian.net"
        }
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        if rest.isEmpty || rest.hasPrefix("/") || text.contains(where: { $0.isWhitespace }) {
            return "'\(text)' is not a Jira site: give its address with https://, e.g. https://example.atlassian.net"
        }
        let authority = rest.split(separator: "/").first.map(String.init) ?? ""
        let host = (authority.hasPrefix("[") ? String(authority.prefix { $0 != "]" }.dropFirst()) : String(authority.split(separator: ":").first ?? ""))
        if lower.hasPrefix("http://") && !["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) {
            return "'\(text)' is plain http: your credential would cross the network unencrypted; use https://"
        }
        if authority.contains("@") {
            return "'\(text)' holds a user name or password; credentials go in JIRA_USER/JIRA_API_TOKEN, JIRA_PAT or ~/.netrc, never in the site"
        }
        return nil
    }
}
