/// `contact-invalid`: an e-mail address that is not one (`jane.smith@`) means IT's questions go
/// nowhere; caught now, it is a typo, caught in launch week, a delay.
struct ContactInvalid: ReadinessRule {
    static let id = "contact-invalid"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "The e-mail addresses of the requester and stakeholders are addresses.",
        ja: "依頼者と関係者のメールアドレスが正しい形になっている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "IT's questions go to these addresses; a broken one means answers never arrive.",
            ja: "IT からの質問はこのアドレスに届きます。形が正しくないと回答が返ってきません。"),
        example: "requester: {name: Jane Smith, email: jane.smith@}",
        fix: Localized(
            en: "Write the full address: name@example.com.",
            ja: "完全なアドレス（name@example.com の形）を書きます。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool {
        // The stakeholders read through their buffer: `contains` copied each (its strings retained).
        !draft.requester.email.isBlank
            || draft.stakeholders.withUnsafeBufferPointer { stakeholders in
                stakeholders.indices.contains { !stakeholders[$0].email.isBlank }
            }
    }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        if let finding = finding(draft.requester.email, owner: draft.requester.name, field: { "requester.email" }, in: context) {
            findings.append(finding)
        }
        draft.stakeholders.withUnsafeBufferPointer { stakeholders in
            for index in stakeholders.indices {
                let stakeholder = stakeholders.baseAddress! + index
                if let finding = finding(
                    stakeholder.pointee.email, owner: stakeholder.pointee.name, field: { "stakeholders[\(index)].email" },
                    in: context)
                {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The finding for one address; the field is named only for an address that is wrong.
    private func finding(_ email: String?, owner: String?, field: () -> String, in context: RuleContext) -> Finding? {
        // An empty or placeholder address is missing, not wrong; no rule needs it. Most addresses
        // are right, so the placeholder test comes second.
        guard let email, let problem = Self.problem(email), !context.isOpen(email) else { return nil }
        let whose = owner.flatMap { context.isOpen($0) ? nil : $0 }
        return context.finding(
            Self.self, field: field(),
            message: Localized(
                en: "'\(email)' is not an e-mail address: \(problem.en).",
                ja: "「\(email)」はメールアドレスの形になっていません。\(problem.ja)。"),
            question: Localized(
                en: whose.map { "What is \($0)'s full e-mail address (name@example.com)?" }
                    ?? "What is the full e-mail address (name@example.com)?",
                ja: whose.map { "\($0) さんの正しいメールアドレス（name@example.com の形）は何ですか。" }
                    ?? "正しいメールアドレス（name@example.com の形）は何ですか。"))
    }

    /// What is wrong with `text` as an address, or nil when it is one. `Name <address>` is accepted.
    static func problem(_ text: String) -> Localized? { isPlainASCIIAddress(text) ? nil : problemByCharacters(text) }

    /// `problem` judged character by character, for every text the byte test cannot accept.
    static func problemByCharacters(_ text: String) -> Localized? {
        var address = text.trimmingWhitespace
        if let open = address.lastIndex(of: "<"), address.hasSuffix(">") {
            address = String(address[address.index(after: open)..<address.index(before: address.endIndex)])
        }
        if address.contains("＠") {
            return Localized(en: "it has a full-width ＠; type @", ja: "全角の「＠」を半角の「@」にしてください")
        }
        if address.contains(where: \.isWhitespace) {
            return Localized(en: "it contains a space", ja: "空白が入っています")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count == 1
                ? Localized(en: "there is no @", ja: "「@」がありません")
                : Localized(en: "it has more than one @", ja: "「@」が複数あります")
        }
        let local = parts[0]
        let domain = parts[1]
        if local.isEmpty { return Localized(en: "nothing comes before the @", ja: "「@」の前の部分がありません") }
        if domain.isEmpty { return Localized(en: "the domain after the @ is missing", ja: "「@」の後のドメインがありません") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let validLabel = { (label: Substring) in
            !label.isEmpty && label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard labels.count >= 2, labels.allSatisfy(validLabel), let tld = labels.last, tld.count >= 2,
            tld.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
        else {
            return Localized(
                en: "'\(domain)' is not a domain like example.com", ja: "「\(domain)」は example.com のようなドメインではありません")
        }
        let localAllowed = Set("!#$%&'*+/=?^_`{|}~.-".unicodeScalars)
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..")
            || !local.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || localAllowed.contains($0) })
        {
            return Localized(en: "'\(local)' cannot come before the @", ja: "「@」の前の「\(local)」が正しくありません")
        }
        return nil
    }

    /// True for the common address `problem` accepts, checked on bytes: ASCII only, one @, a
    /// local part of letters, digits and the allowed symbols with no dot at either end or two in
    /// a row, a domain of two or more labels of letters, digits and hyphens ending in a label of
    /// two or more letters. Anything else (spaces, `Name <address>`, non-ASCII) takes the long way.
    static func isPlainASCIIAddress(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
            let local = bytes[..<at]
            let domain = bytes[(at + 1)...]
            guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
            var previous: UInt8 = 0
            for byte in local {
                guard isLetterOrDigit(byte) || localSymbols[Int(byte)] else { return false }
                if byte == UInt8(ascii: "."), previous == byte { return false }
                previous = byte
            }
            var labels = 0
            var labelLength = 0
            var labelAllLetters = true
            for byte in domain {
                if byte == UInt8(ascii: ".") {
                    guard labelLength > 0 else { return false }
                    labels += 1
                    labelLength = 0
                    labelAllLetters = true
                    continue
                }
                guard isLetterOrDigit(byte) || byte == UInt8(ascii: "-") else { return false }
                labelLength += 1
                labelAllLetters = labelAllLetters && isLetter(byte)
            }
            return labels >= 1 && labelLength >= 2 && labelAllLetters
        }
    }

    private static let localSymbols: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!#$%&'*+/=?^_`{|}~.-".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 0x30 && byte <= 0x39) }
}
