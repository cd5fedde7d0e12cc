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
    static func isCaseSensitiveKey(_ token: Substring) -> Bool {
        let upperAlnum: (Character) -> Bool = { ($0.isUppercase || $0.isNumber) && $0.isASCII }
        if (token.hasPrefix("AKIA") || token.hasPrefix("ASIA")) && token.count == 20 && token.allSatisfy(upperAlnum) {
            return true
        }
        return token.hasPrefix("AIza") && token.count == 39
    }

    /// Characters that end a credential-looking token besides white space.
    static let tokenSeparators: Set<Character> = [
        "\"", "'", "`", ",", ";", "=", ":", "(", ")", "[", "]", "{", "}", "<", ">", "：", "（", "）", "「", "」", "、",
    ]

    /// A description of the first secret-looking text, or nil.
    static func secret(in text: String) -> String? {
        for token in text.split(whereSeparator: { $0.isWhitespace || Self.tokenSeparators.contains($0) })
        where isCaseSensitiveKey(token) {
            return "a credential starting with '\(token.prefix(8))…'"
        }
        let lowered = text.lowercased()
        // Keys are often pasted as `NAME=value`, `key: value` or in brackets: split there too.
        for token in lowered.split(whereSeparator: { $0.isWhitespace || Self.tokenSeparators.contains($0) }) {
            for prefix in tokenPrefixes where token.hasPrefix(prefix) && token.count >= prefix.count + 12 {
                return "a credential starting with '\(text[range(of: prefix, in: text)].prefix(8))…'"
            }
            if prefixIsPrivateKey(token) { return "a private key" }
        }
        // keyword, then within a few characters ':' '=' '：' or ' is ', then a value of six or more characters.
        // Secrets are ASCII, so the value ends at the first other character (a Japanese sentence after
        // the keyword is not a secret). After the prose forms (' is ', は) a value of letters only is a
        // word, as in "the password is stored in the vault", not a secret.
        for keyword in secretKeywords {
            var searchStart = lowered.startIndex
            while let found = lowered.range(of: keyword, range: searchStart..<lowered.endIndex) {
                searchStart = found.upperBound
                var rest = lowered[found.upperBound...].drop { $0 == " " }
                let prose: Bool
                if rest.hasPrefix("is ") {
                    rest = rest.dropFirst(3)
                    prose = true
                } else if let first = rest.first, ":=：は".contains(first) {
                    rest = rest.dropFirst()
                    prose = first == "は"
                } else {
                    continue
                }
                let value = rest.drop { $0 == " " }.prefix { $0.isASCII && !$0.isWhitespace && $0 != "," }
                guard value.count >= 6 else { continue }
                if prose && value.allSatisfy(\.isLetter) { continue }
                return "what looks like a \(keyword) value"
            }
        }
        return nil
    }

    private static func prefixIsPrivateKey(_ token: Substring) -> Bool { token == "-----begin" }

    private static func range(of prefix: String, in text: String) -> Range<String.Index> {
        let lowered = text.lowercased()
        guard let found = lowered.range(of: prefix), lowered.count == text.count else {
            return text.startIndex..<text.endIndex
        }
        let start = text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: found.lowerBound))
        return start..<text.endIndex
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
