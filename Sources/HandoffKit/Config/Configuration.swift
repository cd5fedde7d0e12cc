/// The organisation's settings, from `handoff.yaml`. Every key is optional; unknown keys are
/// errors, like in drafts, so a typo never silently falls back to a default.
public struct Configuration: Record {
    public var jira = JiraSettings()
    public var leadTimeDays: Int?
    public var systems: [CatalogueSystem] = []
    public var vagueWords = VagueWordSettings()
    public var placeholders = PlaceholderSettings()

    public init() {}
    public static let recordName = "the configuration"
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

    public static let defaultLeadTimeDays = 10
    public var effectiveLeadTimeDays: Int { leadTimeDays ?? Self.defaultLeadTimeDays }

    /// The catalogue entry whose name or alias matches `name`, ignoring case and spacing.
    public func catalogueEntry(named name: String) -> CatalogueSystem? {
        let wanted = CatalogueSystem.normalise(name)
        return systems.first { entry in
            ([entry.name ?? ""] + entry.aliases).contains { CatalogueSystem.normalise($0) == wanted }
        }
    }
}

/// One system in the organisation's catalogue.
public struct CatalogueSystem: Record {
    public var name: String?
    public var aliases: [String] = []
    public var owner: String?
    /// The system collects leads (forms, CRM, marketing automation): Sales should be involved.
    public var leadForm: Bool?
    /// The system stores personal data.
    public var personalData: Bool?

    public init() {}
    public init(name: String, aliases: [String] = [], owner: String? = nil, leadForm: Bool? = nil) {
        self.name = name
        self.aliases = aliases
        self.owner = owner
        self.leadForm = leadForm
    }
    public static let recordName = "a catalogue system"
    public static var shorthand: WritableKeyPath<CatalogueSystem, String?>? { \.name }
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
    public var en: [String] = []
    public var ja: [String] = []
    public init() {}
    public init(en: [String], ja: [String]) {
        self.en = en
        self.ja = ja
    }
    public static let recordName = "placeholders"
    public static let fields: [Field<PlaceholderSettings>] = [
        .list("en", \.en, "English phrases that stand in for an answer (\"ask Bob\")."),
        .list("ja", \.ja, "Japanese phrases that stand in for an answer (「担当に聞く」)."),
    ]
}

/// Extra vague words, per language.
public struct VagueWordSettings: Record {
    public var en: [String] = []
    public var ja: [String] = []
    public init() {}
    public static let recordName = "vague_words"
    public static let fields: [Field<VagueWordSettings>] = [
        .list("en", \.en, "English words and phrases."),
        .list("ja", \.ja, "Japanese words and phrases."),
    ]

    public func words(for language: Language) -> [String] {
        switch language {
        case .en: return en
        case .ja: return ja
        }
    }
}

/// How exports map onto the Jira project.
public struct JiraSettings: Record {
    public var site: String?
    public var api: JiraAPIVersion?
    public var projectKey: String?
    public var issueType: String?
    public var subtaskType: String?
    public var status: String?
    public var labels: [String] = []
    public var components: [String] = []
    public var priority = PriorityNames()
    public var fields = CustomFieldIDs()

    public init() {}
    public static let recordName = "the jira settings"
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

    public static let defaultProjectKey = "MKT"

    /// Jira's rule for project keys (its default, which Cloud cannot change): the one rule both
    /// `--project` and `jira.project_key` are held to.
    public static let projectKeyRule = "2 to 10 capital letters, digits or '_', starting with a letter (e.g. MKT)"

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
    public var urgent: String?
    public var high: String?
    public var normal: String?
    public var low: String?
    public init() {}
    public static let recordName = "the priority names"
    public static let fields: [Field<PriorityNames>] = [
        .value("urgent", \.urgent, "Default Highest."),
        .value("high", \.high, "Default High."),
        .value("normal", \.normal, "Default Medium."),
        .value("low", \.low, "Default Low."),
    ]
}

/// Custom fields that exports fill, by the draft value they carry.
public struct CustomFieldIDs: Record {
    public var launch: String?
    public var businessOwner: String?
    public var requester: String?
    public var team: String?
    public var businessGoal: String?
    public var kgi: String?
    public var value: String?
    public var legalReview: String?
    public init() {}
    public static let recordName = "the custom field ids"
    static let check: @Sendable (String) -> String? = { id in
        let digits = id.hasPrefix("customfield_") ? id.dropFirst("customfield_".count) : ""
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
            ? nil : "'\(id)' is not a custom field id; they look like customfield_10015"
    }
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
