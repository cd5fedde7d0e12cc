/// The outcome of checking one document of one source.
public struct CheckResult: Sendable {
    /// A draft that was read, with its readiness report, or the problems that kept it from being read.
    public enum Outcome: Sendable {
        case checked(Draft, ReadinessReport)
        case invalid(InvalidInput)
    }

    /// The source as the user named it: a file path, `-` for standard input, or a stored id.
    public var source: String
    /// 1-based index of the document within its source.
    public var documentIndex: Int
    /// What checking the document gave.
    public var outcome: Outcome

    /// A result as given.
    public init(source: String, documentIndex: Int, outcome: Outcome) {
        self.source = source
        self.documentIndex = documentIndex
        self.outcome = outcome
    }

    /// The exit status this result alone asks for: 0 ready, 1 not ready, 2 invalid input.
    public var exitStatus: Int32 {
        switch outcome {
        case .checked(_, let report): return report.isReady ? 0 : 1
        case .invalid: return 2
        }
    }
}

/// Renders check results for people (text) and for pipelines (JSON Lines).
public struct CheckRenderer: Sendable {
    /// Colours the text output; off gives plain text. JSON is never styled.
    public var styler: Styler
    /// Forces the report language; nil means each draft's own `lang`.
    public var language: Language?
    /// The literals of the texts reports repeat, for a renderer one thread uses; nil for one shared.
    private var lease: JSONStringMemo.Lease?
    private var memo: JSONStringMemo? { lease?.memo }

    /// A renderer in plain text by default, each draft in its own language.
    public init(styler: Styler = Styler(enabled: false), language: Language? = nil) {
        self.styler = styler
        self.language = language
    }

    /// The same renderer for one thread's use: the JSON of the texts that recur from report to
    /// report (rule ids, fields, messages, questions) is escaped once and then copied, by a memo
    /// that goes back to a pool for the next worker when the renderer is let go.
    public func forWorker() -> CheckRenderer {
        var copy = self
        copy.lease = JSONStringMemo.Lease()
        return copy
    }

    /// One JSON object, as one line: source, index, id, title, ready, score, counts, findings;
    /// or source, index and error for a document that could not be read.
    public func json(_ result: CheckResult) -> String { jsonBytes(result).utf8String }

    /// `json` as UTF-8 bytes, with `terminator` after it: what `check --format json` writes,
    /// made without a `String` for the report or for the line.
    public func jsonBytes(_ result: CheckResult, terminator: UInt8? = nil) -> [UInt8] {
        var out: [UInt8]
        switch result.outcome {
        case .checked(let draft, let report):
            // Written straight as bytes: building a `Value` tree per draft cost as much as the
            // writing itself. `CheckReportJSONTests` keeps it equal to the tree it replaced.
            out = []
            out.reserveCapacity(512 + report.findings.count * 320)
            writeChecked(result.source, result.documentIndex, draft, report, into: &out)
        case .invalid(let invalid):
            out = Array(invalidJSON(result, invalid).utf8)
        }
        if let terminator { out.append(terminator) }
        return out
    }

    private func invalidJSON(_ result: CheckResult, _ invalid: InvalidInput) -> String {
        JSONWriter.compact(
                .object([
                    ("source", .string(result.source)),
                    ("index", .int(result.documentIndex)),
                    ("ready", .bool(false)),
                    ("error", .list(invalid.errors.map { Self.encode($0, in: language ?? invalid.language ?? .en) })),
                ]))
    }

    private func writeChecked(
        _ source: String, _ index: Int, _ draft: Draft, _ report: ReadinessReport, into out: inout [UInt8]
    ) {
        out.append(utf8: "{\"source\":")
        JSONWriter.writeString(source, into: &out)
        out.append(utf8: ",\"index\":")
        Self.writeInt(index, into: &out)
        out.append(utf8: ",\"id\":")
        Self.writeOptionalString(draft.id, into: &out)
        out.append(utf8: ",\"title\":")
        Self.writeOptionalString(draft.title, into: &out)
        out.append(utf8: ",\"lang\":")
        JSONWriter.writeString((language ?? draft.language).rawValue, into: &out)
        out.append(utf8: report.isReady ? ",\"ready\":true,\"score\":" : ",\"ready\":false,\"score\":")
        Self.writeInt(report.score, into: &out)
        // The findings read where they are: iterating them copied each (its four strings retained).
        report.findings.withUnsafeBufferPointer { findings in Self.write(findings, memo: memo, into: &out) }
    }

    /// The counts and findings of a report, closing its object.
    private static func write(_ findings: UnsafeBufferPointer<Finding>, memo: JSONStringMemo?, into out: inout [UInt8]) {
        // `Severity.rank` is the severity's place in `allCases` (blocker, warning, info).
        var counts = Array(repeating: 0, count: Severity.allCases.count)
        for index in findings.indices { counts[findings[index].severity.rank] += 1 }
        // The keys are the severities' raw values, plain words, in the order of `allCases`.
        out.append(utf8: ",\"counts\":{\"blocker\":")
        writeInt(counts[Severity.blocker.rank], into: &out)
        out.append(utf8: ",\"warning\":")
        writeInt(counts[Severity.warning.rank], into: &out)
        out.append(utf8: ",\"info\":")
        writeInt(counts[Severity.info.rank], into: &out)
        out.append(utf8: "},\"findings\":")
        if findings.isEmpty {
            out.append(utf8: "[]}")
            return
        }
        out.append(UInt8(ascii: "["))
        guard let first = findings.baseAddress else { return }
        for index in findings.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            write(first + index, memo: memo, into: &out)
        }
        out.append(utf8: "]}")
    }

    /// The same object as `Finding.encoded` written by `JSONWriter.compact`, for the finding at
    /// `finding`: the functions below capture its address, where capturing the finding copied it
    /// (a retain of each of its strings).
    private static func write(_ finding: UnsafePointer<Finding>, memo: JSONStringMemo?, into out: inout [UInt8]) {
        func writeString(_ text: String, into out: inout [UInt8]) {
            if let memo { memo.write(text, into: &out) } else { JSONWriter.writeString(text, into: &out) }
        }
        func writeHead(into out: inout [UInt8]) {
            out.append(utf8: "{\"rule\":")
            writeString(finding.pointee.rule, into: &out)
            // A severity's raw value is a plain word, quoted as it is; literals, so that no string
            // shared by the threads that render is retained per finding.
            switch finding.pointee.severity {
            case .blocker: out.append(utf8: ",\"severity\":\"blocker\",\"field\":")
            case .warning: out.append(utf8: ",\"severity\":\"warning\",\"field\":")
            case .info: out.append(utf8: ",\"severity\":\"info\",\"field\":")
            }
            writeString(finding.pointee.field, into: &out)
        }
        func writeTail(into out: inout [UInt8]) {
            out.append(utf8: ",\"message\":")
            writeString(finding.pointee.message, into: &out)
            out.append(utf8: ",\"question\":")
            writeString(finding.pointee.question, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        // With a memo, the run up to the position and the run after it are copied whole once
        // their texts have been written before: a finding is then two copies and its numbers.
        if let memo {
            memo.write(
                finding.pointee.rule, finding.pointee.field, variant: UInt64(finding.pointee.severity.rank), into: &out,
                writeHead)
        } else {
            writeHead(into: &out)
        }
        if let line = finding.pointee.line {
            out.append(utf8: ",\"line\":")
            writeInt(line, into: &out)
        }
        if let column = finding.pointee.column {
            out.append(utf8: ",\"column\":")
            writeInt(column, into: &out)
        }
        if let memo {
            memo.write(
                finding.pointee.message, finding.pointee.question, variant: UInt64(Severity.allCases.count), into: &out,
                writeTail)
        } else {
            writeTail(into: &out)
        }
    }

    private static func writeOptionalString(_ text: String?, into out: inout [UInt8]) {
        if let text { JSONWriter.writeString(text, into: &out) } else { out.append(utf8: "null") }
    }

    /// Decimal digits from the most significant, by the largest power of ten that fits: no
    /// `String` per number, and no slice turned round after (that cost more than the digits).
    private static func writeInt(_ number: Int, into out: inout [UInt8]) {
        if number < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            out.append(0x30 + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    static func encode(_ error: InputError, in language: Language = .en) -> Value {
        .object([
            ("message", .string(language == .ja ? (error.japanese ?? error.message) : error.message)),
            ("line", error.line.map(Value.int)),
            ("column", error.column.map(Value.int)),
            ("field", error.field.map(Value.string)),
            ("description", .string(error.description(in: language))),
        ])
    }

    /// The report for people: source, title, verdict and score, then findings grouped by
    /// section, blockers first, each with the question to ask next.
    public func text(_ result: CheckResult) -> String {
        guard case .checked(let draft, let report) = result.outcome else { return "" }
        let language = language ?? draft.language
        var out = ""
        var header = styler(TerminalText.sanitize(result.source == "-" ? "<stdin>" : result.source, multiline: false), .bold)
        if result.documentIndex > 1 || result.source == "-" {
            header += styler(Localized(en: " (document \(result.documentIndex))", ja: "（\(result.documentIndex)件目）")(language), .dim)
        }
        out += header + "\n"
        let title = draft.title.flatMap { $0.isEmptyValue ? nil : $0 }
        if let title {
            // A title with line breaks (a rule says so below) is shown as one indented block.
            var lines = title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while lines.count > 1, lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
            out += lines.map { "  " + TerminalText.sanitize($0, multiline: false) }.joined(separator: "\n") + "\n"
        } else {
            out += "  " + styler(Localized(en: "(no title)", ja: "（タイトルなし）")(language), .dim) + "\n"
        }
        let verdict = report.isReady
            ? styler("✔ " + Localized(en: "READY", ja: "準備完了")(language), .green)
            : styler("✖ " + Localized(en: "NOT READY", ja: "未完了")(language), .red)
        var summary = [verdict, Localized(en: "score \(report.score)/100", ja: "スコア \(report.score)/100")(language)]
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = report.count(severity)
            return count == 0 ? nil : Self.countLabel(severity, count)(language)
        }
        summary.append(counts.isEmpty ? Localized(en: "nothing missing", ja: "不足なし")(language) : counts.joined(separator: " · "))
        out += "  " + summary.joined(separator: " · ") + "\n"
        guard !report.findings.isEmpty else { return out }
        let bySection = Dictionary(grouping: report.findings) { Section(field: $0.field) }
        for section in Section.allCases {
            guard let findings = bySection[section] else { continue }
            out += "\n  " + styler(section.heading(language), .bold) + "\n"
            for finding in findings.sorted(by: { $0.severity < $1.severity }) {
                let label = Self.severitySymbol(finding.severity) + " " + finding.severity.label(language)
                var place = finding.field
                if let line = finding.line { place += " · " + TerminalText.sanitize(Self.displayName(result.source), multiline: false) + ":\(line)" }
                out += "    " + styled(finding.severity, label) + "  " + styler(place, .dim) + "\n"
                out += "      " + TerminalText.sanitize(finding.message, multiline: false) + "\n"
                out += "      → " + TerminalText.sanitize(finding.question, multiline: false) + "\n"
            }
        }
        return out
    }

    static func displayName(_ source: String) -> String { source == "-" ? "<stdin>" : source }

    /// GitHub Actions workflow commands, one a finding (`::error file=…,line=…,col=…,title=…::…`),
    /// so a pull request that changes a draft shows them beside its lines. Blockers are errors,
    /// warnings warnings, info notices; unreadable input is an error at its line.
    public func github(_ result: CheckResult) -> String {
        var out = ""
        let file = result.source == "-" ? nil : result.source
        switch result.outcome {
        case .checked(let draft, let report):
            let language = language ?? draft.language
            for finding in report.findings {
                let command: String
                switch finding.severity {
                case .blocker: command = "error"
                case .warning: command = "warning"
                case .info: command = "notice"
                }
                out += Self.workflowCommand(
                    command, file: file, line: finding.line, column: finding.column,
                    title: "\(finding.rule) (\(finding.field))",
                    message: finding.message + " " + Localized(en: "Next: ", ja: "次に確認：")(language) + finding.question)
            }
        case .invalid(let invalid):
            let language = language ?? invalid.language ?? .en
            for error in invalid.errors {
                out += Self.workflowCommand(
                    "error", file: file, line: error.line, column: error.column, title: error.field ?? "invalid draft",
                    message: language == .ja ? (error.japanese ?? error.message) : error.message)
            }
        }
        return out
    }

    static func workflowCommand(
        _ command: String, file: String?, line: Int?, column: Int?, title: String, message: String
    ) -> String {
        var properties: [String] = []
        if let file { properties.append("file=" + escapeProperty(file)) }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=" + escapeProperty(title))
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    /// GitHub's escaping for a command's message: % and line breaks.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in TerminalText.sanitize(text).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// … and for a property, also ':' and ',' which separate properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }

    /// A closing line for several results: how many were ready, not ready, unreadable.
    public func totals(_ results: (ready: Int, notReady: Int, invalid: Int), language: Language) -> String {
        let total = results.ready + results.notReady + results.invalid
        var parts = [
            Localized(en: "\(results.ready) ready", ja: "準備完了 \(results.ready)件")(language),
            Localized(en: "\(results.notReady) not ready", ja: "未完了 \(results.notReady)件")(language),
        ]
        if results.invalid > 0 {
            parts.append(Localized(en: "\(results.invalid) unreadable", ja: "読めない文書 \(results.invalid)件")(language))
        }
        return Localized(en: "\(total) drafts checked: ", ja: "\(total)件を確認：")(language) + parts.joined(separator: ", ") + "\n"
    }

    private func styled(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .blocker: return styler(text, .red)
        case .warning: return styler(text, .yellow)
        case .info: return styler(text, .cyan)
        }
    }

    static func severitySymbol(_ severity: Severity) -> String {
        switch severity {
        case .blocker: return "✖"
        case .warning: return "▲"
        case .info: return "ℹ"
        }
    }

    static func countLabel(_ severity: Severity, _ count: Int) -> Localized {
        switch severity {
        case .blocker: return Localized(en: "\(count) blocker\(count == 1 ? "" : "s")", ja: "ブロッカー \(count)件")
        case .warning: return Localized(en: "\(count) warning\(count == 1 ? "" : "s")", ja: "警告 \(count)件")
        case .info: return Localized(en: "\(count) note\(count == 1 ? "" : "s")", ja: "情報 \(count)件")
        }
    }
}
