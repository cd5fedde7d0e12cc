/// Finds what should not travel in a ticket: secrets (passwords, API keys, tokens) and pasted
/// lists of personal data (several e-mail addresses or phone numbers). Hand-written scanners
/// rather than regular expressions keep `check` fast on large batches.
public enum SensitiveText {
    /// One kind of sensitive text found in a field.
    public enum Kind: Equatable, Sendable {
        /// What was found, named by its kind and at most its first characters.
        case secret(Localized)
        /// Several e-mail addresses in one text; the number found.
        case emailList(Int)
        /// Several phone numbers in one text; the number found.
        case phoneList(Int)
    }

    /// How many addresses or numbers in one text make a pasted list.
    public static let listThreshold = 3

    /// Every kind of sensitive text in `text`: the first secret, and a list of e-mail addresses or phone
    /// numbers once there are `listThreshold` of them. Empty when nothing is found.
    public static func scan(_ text: String) -> [Kind] {
        // One pass tells whether a credential is possible and counts '@' and digits: each address
        // has an '@' of its own and each number ten digits of its own, so most texts are cleared
        // there, and only the rest go through the precise scans.
        let tally = SensitiveTextTally.of(text)
        guard tally.mayFindAnything else { return [] }
        return scan(text, tally: tally)
    }

    /// `scan(text)` for a text whose tally is `tally` and lets it through (`mayFindAnything`):
    /// a caller that tallies first makes no array for the texts it clears.
    static func scan(_ text: String, tally: SensitiveTextTally) -> [Kind] {
        var kinds: [Kind] = []
        if tally.mayHoldSecret, let secret = SecretShapes.fullScan(text, sawAnchor: tally.sawAnchor) { kinds.append(.secret(secret)) }
        if tally.ats >= listThreshold {
            let emails = emailCount(in: text)
            if emails >= listThreshold { kinds.append(.emailList(emails)) }
        }
        if tally.digits >= 10 * listThreshold {
            let phones = phoneCount(in: text)
            if phones >= listThreshold { kinds.append(.phoneList(phones)) }
        }
        return kinds
    }

    /// What the first secret-looking text is, named without repeating it; nil when there is none.
    static func secret(in text: String) -> Localized? { SecretShapes.first(in: text) }

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
