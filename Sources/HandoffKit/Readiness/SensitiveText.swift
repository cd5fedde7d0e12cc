/// Finds what should not travel in a ticket: secrets (passwords, API keys, tokens) and pasted
/// lists of personal data (several e-mail addresses or phone numbers). Hand-written scanners
/// rather than regular expressions keep `check` fast on large batches.
public enum SensitiveText {
    public enum Kind: Equatable, Sendable {
        case secret(String)
        case emailList(Int)
        case phoneList(Int)
    }

    /// How many addresses or numbers in one text make a pasted list.
    public static let listThreshold = 3

    public static func scan(_ text: String) -> [Kind] {
        var kinds: [Kind] = []
        if let secret = secret(in: text) { kinds.append(.secret(secret)) }
        let emails = emailCount(in: text)
        if emails >= listThreshold { kinds.append(.emailList(emails)) }
        let phones = phoneCount(in: text)
        if phones >= listThreshold { kinds.append(.phoneList(phones)) }
        return kinds
    }

    // MARK: Secrets

    static let secretKeywords = [
        "password", "passwd", "passcode", "pwd", "api key", "api_key", "apikey", "api-key", "access key",
        "access_key", "secret", "client secret", "token", "private key", "パスワード", "暗証番号", "apiキー",
        "アクセスキー", "トークン", "シークレット", "秘密鍵",
    ]

    /// Prefixes of well-known credential formats that are written in lower case.
    static let tokenPrefixes = [
        "sk_live_", "sk_test_", "rk_live_", "ghp_", "gho_", "ghu_", "ghs_", "github_pat_",
        "xoxb-", "xoxp-", "xoxa-", "glpat-", "-----begin",
    ]

    /// Case-sensitive credential shapes: AWS access key ids (AKIA/ASIA + 16 upper-case letters or
    /// digits) and Google API keys (AIza + 35 characters).
    static func isCaseSensitiveKey(_ token: ArraySlice<UInt8>) -> Bool {
        let upperOrDigit = { (byte: UInt8) in (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) }
        if token.count == 20, token.starts(with: Array("AKIA".utf8)) || token.starts(with: Array("ASIA".utf8)),
            token.allSatisfy(upperOrDigit)
        {
            return true
        }
        return token.count == 39 && token.starts(with: Array("AIza".utf8))
    }

    /// Bytes that end a credential-looking token besides white space; any non-ASCII byte does too
    /// (keys are ASCII, so one glued to Japanese text is still found).
    static let separatorBytes = Set("\"'`,;=:()[]{}<> \t\r\n".utf8)

    static let loweredPrefixes = tokenPrefixes.map { Array($0.utf8) }
    static let loweredKeywords = secretKeywords.map { ($0, Array($0.utf8)) }
    static let fullWidthColon = Array("：".utf8)
    static let topicParticle = Array("は".utf8)

    /// A description of the first secret-looking text, or nil. Works on UTF-8 bytes: this runs on
    /// every free-text field of every draft a pipeline checks.
    static func secret(in text: String) -> String? {
        let bytes = Array(text.utf8)
        // Tokens: runs of ASCII bytes that are not separators.
        var start = 0
        var index = 0
        while index <= bytes.count {
            let ends = index == bytes.count || bytes[index] >= 0x80 || separatorBytes.contains(bytes[index])
            if ends {
                if index > start, let found = credential(bytes[start..<index]) { return found }
                start = index + 1
            }
            index += 1
        }
        // keyword, then ':' '=' '：' 'は' or ' is ', then a value of six or more ASCII characters.
        // Secrets are ASCII, so the value ends at the first other character (a Japanese sentence after
        // the keyword is not a secret). After the prose forms (' is ', は) a value of letters only is a
        // word, as in "the password is stored in the vault", not a secret.
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for (keyword, needle) in loweredKeywords {
            var from = 0
            while let found = find(needle, in: lowered, from: from) {
                from = found + 1
                var cursor = found + needle.count
                while cursor < lowered.count, lowered[cursor] == 0x20 { cursor += 1 }
                let prose: Bool
                if lowered[cursor...].starts(with: Array("is ".utf8)) {
                    cursor += 3
                    prose = true
                } else if cursor < lowered.count, lowered[cursor] == UInt8(ascii: ":") || lowered[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    prose = false
                } else if lowered[cursor...].starts(with: fullWidthColon) {
                    cursor += fullWidthColon.count
                    prose = false
                } else if lowered[cursor...].starts(with: topicParticle) {
                    cursor += topicParticle.count
                    prose = true
                } else {
                    continue
                }
                while cursor < lowered.count, lowered[cursor] == 0x20 { cursor += 1 }
                var end = cursor
                while end < lowered.count, lowered[end] < 0x80, !isSpace(lowered[end]), lowered[end] != UInt8(ascii: ",") { end += 1 }
                guard end - cursor >= 6 else { continue }
                if prose && lowered[cursor..<end].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { continue }
                return "what looks like a \(keyword) value"
            }
        }
        return nil
    }

    private static func credential(_ token: ArraySlice<UInt8>) -> String? {
        if isCaseSensitiveKey(token) {
            return "a credential starting with '\(String(decoding: token.prefix(8), as: UTF8.self))…'"
        }
        let lowered = token.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for prefix in loweredPrefixes where lowered.count >= prefix.count + 12 && lowered.starts(with: prefix) {
            return "a credential starting with '\(String(decoding: token.prefix(8), as: UTF8.self))…'"
        }
        if lowered == Array("-----begin".utf8) { return "a private key" }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: E-mail addresses

    /// Counts `local@domain.tld` shapes.
    public static func emailCount(in text: String) -> Int {
        let bytes = Array(text.utf8)
        var count = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "@") {
            var left = index
            while left > 0, isLocalByte(bytes[left - 1]) { left -= 1 }
            guard left < index else { continue }
            var right = index + 1
            var dots = 0
            var lastDot = -1
            while right < bytes.count, isDomainByte(bytes[right]) {
                if bytes[right] == UInt8(ascii: ".") {
                    dots += 1
                    lastDot = right
                }
                right += 1
            }
            // Trailing punctuation is not part of the domain.
            if lastDot == right - 1 {
                dots -= 1
                right -= 1
            }
            guard dots >= 1, right > index + 1 else { continue }
            count += 1
        }
        return count
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "._%+-".utf8.contains(byte)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    // MARK: Phone numbers

    /// Counts runs of 10 to 15 digits written like a phone number: `+81 90-1234-5678`,
    /// `(555) 123-4567`, `555-123-4567`, `09012345678`. Dates (`2026-12-05 15:00`) are not phones.
    public static func phoneCount(in text: String) -> Int {
        var count = 0
        var run: [UInt8] = []
        var runDigits = 0
        func close() {
            defer {
                run.removeAll(keepingCapacity: true)
                runDigits = 0
            }
            guard let first = run.first else { return }
            let digits = run.filter { $0 >= 0x30 && $0 <= 0x39 }.count
            guard (10...15).contains(digits) else { return }
            let startsLikePhone = first == UInt8(ascii: "0") || first == UInt8(ascii: "+") || first == UInt8(ascii: "(")
            let hasSeparator = run.contains { !($0 >= 0x30 && $0 <= 0x39) }
            if startsLikePhone || (hasSeparator && !startsWithDate(run)) { count += 1 }
        }
        for byte in text.utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") {
                run.append(byte)
                if isDigit { runDigits += 1 }
            } else if byte == UInt8(ascii: " "), runDigits >= 10 {
                // A whole number before a space: what follows is the next one (a list folded onto one line).
                close()
            } else if !run.isEmpty, byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ")")
                || byte == UInt8(ascii: ".")
            {
                run.append(byte)
            } else {
                close()
            }
        }
        close()
        return count
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD` at the start of a run.
    private static func startsWithDate(_ run: [UInt8]) -> Bool {
        guard run.count >= 10 else { return false }
        let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        return run[0..<4].allSatisfy(digit) && (run[4] == UInt8(ascii: "-") || run[4] == UInt8(ascii: "/"))
            && run[5..<7].allSatisfy(digit) && run[7] == run[4] && run[8..<10].allSatisfy(digit)
    }
}
