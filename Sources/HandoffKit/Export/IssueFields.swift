/// The Jira fields of one exported issue, worked out once from a draft and the configuration and
/// shared by every Jira format (importer, REST v2/v3, CSV), so they cannot disagree.
public struct IssueFields: Sendable, Equatable {
    /// The draft's title on one line, without control characters, cut to 255 UTF-16 units; else its idea, else
    /// "Untitled marketing request".
    public var summary: String
    /// The configured issue type; "Story" when none is set.
    public var issueType: String
    /// The configured status for new issues; "To Do" when none is set.
    public var status: String
    /// The configured priority name for the draft's `Urgency` (defaults Highest, High, Medium, Low).
    public var priority: String
    /// The draft's launch date; nil when it has none.
    public var dueDate: CivilDate?
    /// `marketing-request` plus the configured labels, whitespace turned into `-`, each once, in order.
    public var labels: [String]
    /// The configured components; empty when none are set.
    public var components: [String]
    /// Custom field id → value, in the order of the configuration keys.
    public var customFields: [(id: String, kind: CustomFieldKind, value: String)]

    /// How a custom field's value is sent: a date (`YYYY-MM-DD`) or one line of text.
    public enum CustomFieldKind: String, Sendable {
        case date, text
    }

    /// Equal when every field is; custom fields compare by id and value, in order.
    public static func == (lhs: IssueFields, rhs: IssueFields) -> Bool {
        lhs.summary == rhs.summary && lhs.issueType == rhs.issueType && lhs.status == rhs.status
            && lhs.priority == rhs.priority && lhs.dueDate == rhs.dueDate && lhs.labels == rhs.labels
            && lhs.components == rhs.components
            && lhs.customFields.map { "\($0.id)=\($0.value)" } == rhs.customFields.map { "\($0.id)=\($0.value)" }
    }

    /// The label every export carries, so marketing requests can be found in Jira.
    public static let requestLabel = "marketing-request"
    /// Jira's summary limit, counted in UTF-16 units as Java counts.
    public static let summaryLimit = 255

    /// The fields for `draft` under the Jira settings in `options.configuration`.
    /// Both are borrowed and read in place, the settings too: a copy of the draft or of the Jira
    /// settings would retain every string they hold.
    public init(draft: borrowing Draft, options: borrowing ExportOptions) {
        summary = Self.summary(for: draft)
        issueType = options.configuration.jira.issueType ?? "Story"
        status = options.configuration.jira.status ?? "To Do"
        priority = Self.priorityName(Urgency(draft: draft, options: options), names: options.configuration.jira.priority)
        dueDate = draft.timeline.launch
        labels = Self.labels([Self.requestLabel] + options.configuration.jira.labels)
        components = options.configuration.jira.components
        customFields = Self.customFields(draft: draft, ids: options.configuration.jira.fields)
    }

    /// The title on one line, without control characters, within Jira's limit; a draft exported
    /// with `--force` and no title gets a summary from its idea.
    static func summary(for draft: borrowing Draft) -> String {
        if let title = draft.title {
            let line = oneLine(title)
            if !line.isEmpty { return line }
        }
        if let idea = draft.idea {
            let line = oneLine(idea)
            if !line.isEmpty { return line }
        }
        return "Untitled marketing request"
    }

    /// `source` on one line, without control characters, within Jira's limit; empty when nothing
    /// printable is left.
    static func oneLine(_ source: String) -> String {
        if isOneLineAlready(source) { return source }
        var line = ""
        var lastWasSpace = false
        for scalar in source.unicodeScalars {
            let isSpace = scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " "
            if isSpace {
                if !lastWasSpace && !line.isEmpty { line.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if UnsafeScalar.needsEscape(scalar) { continue }
            line.unicodeScalars.append(scalar)
        }
        while line.last == " " { line.removeLast() }
        if line.utf16.count <= summaryLimit { return line }
        var cut = ""
        for character in line {
            if cut.utf16.count + character.utf16.count > summaryLimit - 1 { break }
            cut.append(character)
        }
        return cut + "…"
    }

    /// Whether `oneLine(source)` is `source` itself: text that needs none of its changes (one
    /// line, no control characters or runs of blanks, no blank at either end, within the limit),
    /// which a title nearly always is, told from its bytes without building the line again.
    static func isOneLineAlready(_ source: String) -> Bool {
        withUTF8InPlace(source) { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // Controls (line breaks and tabs among them), DEL, and a second blank in a row.
                    if byte < 0x20 || byte == 0x7F || (byte == 0x20 && previous == 0x20) { return false }
                    previous = byte
                    index += 1
                    continue
                }
                previous = byte
                if ByteTables.leadMayNeedEscape(byte) {
                    let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                    if UnsafeScalar.needsEscape(scalar) { return false }
                    index += length
                } else {
                    index += 1
                }
            }
            return HandoffKit.utf16Length(bytes) <= summaryLimit
        }
    }

    /// Labels without spaces (Jira refuses them), each once, in the order given.
    static func labels(_ raw: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(raw.count)
        for label in raw {
            let cleaned = hasNoWhitespace(label) ? label : label.split(whereSeparator: \.isWhitespace).joined(separator: "-")
            // A handful of labels: a linear search is cheaper than hashing them into a set.
            if !cleaned.isEmpty, !out.contains(cleaned) { out.append(cleaned) }
        }
        return out
    }

    /// True for a label of printable ASCII without a space, which splitting at whitespace keeps whole.
    private static func hasNoWhitespace(_ label: String) -> Bool {
        label.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// How pressing a request is, from its deadline kind and how close the launch is.
    public enum Urgency: String, Sendable, CaseIterable {
        case urgent, high, normal, low

        /// urgent: hard deadline inside IT's lead time; high: hard deadline, or any launch inside the
        /// lead time; low: no deadline; normal otherwise.
        public init(draft: borrowing Draft, options: borrowing ExportOptions) {
            let insideLeadTime: Bool
            if let launch = draft.timeline.launch {
                insideLeadTime = options.today.businessDays(until: launch) < options.configuration.effectiveLeadTimeDays
            } else {
                insideLeadTime = false
            }
            switch (draft.timeline.deadline, insideLeadTime) {
            case (.hard, true): self = .urgent
            case (.hard, false), (_, true): self = .high
            case (.none?, false): self = .low
            default: self = .normal
            }
        }
    }

    static func priorityName(_ urgency: Urgency, names: PriorityNames) -> String {
        switch urgency {
        case .urgent: return names.urgent ?? "Highest"
        case .high: return names.high ?? "High"
        case .normal: return names.normal ?? "Medium"
        case .low: return names.low ?? "Low"
        }
    }

    static func customFields(
        draft: borrowing Draft, ids: borrowing CustomFieldIDs
    ) -> [(id: String, kind: CustomFieldKind, value: String)] {
        var fields: [(id: String, kind: CustomFieldKind, value: String)] = []
        // Only the configured fields are read, each in place (most configurations have none).
        func add(_ id: String?, _ kind: CustomFieldKind, _ value: String?) {
            guard let id, let value, !value.isEmptyValue else { return }
            fields.append((id, kind, kind == .text ? summaryLine(value) : value))
        }
        if ids.launch != nil { add(ids.launch, .date, draft.timeline.launch?.description) }
        if ids.businessOwner != nil {
            let stakeholders = draft.stakeholders
            // The first stakeholder with `role`'s name, as `first(where:)?.name` gives it.
            func name(of role: Role) -> String? {
                for index in stakeholders.indices where stakeholders[index].role == role { return stakeholders[index].name }
                return nil
            }
            add(ids.businessOwner, .text, name(of: .businessOwner) ?? name(of: .approver))
        }
        add(ids.requester, .text, draft.requester.name)
        add(ids.team, .text, draft.requester.team)
        add(ids.businessGoal, .text, draft.objective.businessGoal)
        add(ids.kgi, .text, draft.success.kgi)
        add(ids.value, .text, draft.objective.value)
        add(ids.legalReview, .text, draft.compliance.legalReview?.rawValue)
        return fields
    }

    /// Single-line text fields take one line.
    private static func summaryLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " ") }.joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
