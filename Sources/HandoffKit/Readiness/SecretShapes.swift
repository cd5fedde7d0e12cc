/// Recognises credentials by the shapes they have, not only by a label before them: provider
/// formats (AWS, GitHub, Slack, Stripe, Google, Firebase, Twilio), JWTs, PEM private keys, a value
/// after `password:` or `server_key=`, and a long random value next to key/token/secret/password.
/// Ordinary ids meant to be in a ticket (a UTM campaign code, an order number, a commit hash with no
/// such word near it) are not secrets. Works on UTF-8 bytes: it runs on every free-text field of
/// every draft a pipeline checks.
enum SecretShapes {
    /// Labels that a value follows with ':' '=' '：' 'は' or ' is '.
    static let keywords = [
        "password", "passwd", "passcode", "pwd", "api key", "api_key", "apikey", "api-key", "access key",
        "access_key", "secret", "client secret", "client_secret", "secret_key", "secret key", "token", "auth token",
        "auth_token", "access token", "access_token", "server key", "server_key", "serverkey", "private key",
        "private_key", "パスワード", "暗証番号", "apiキー", "アクセスキー", "トークン", "シークレット", "秘密鍵",
        "サーバーキー", "サーバキー", "認証トークン",
    ]

    /// Words near which a long random value is a secret even without ':' before it
    /// ("Twilio auth token 5f9a…").
    static let nearWords = ["key", "token", "secret", "password", "passwd", "credential", "credentials", "パスワード", "キー", "トークン", "シークレット"]

    /// Prefixes of provider formats, with the provider's name; matched without regard to case.
    static let prefixes: [(prefix: String, minimum: Int, name: Localized)] = [
        ("sk_live_", 20, Localized(en: "a Stripe secret key", ja: "Stripe のシークレットキー")),
        ("sk_test_", 20, Localized(en: "a Stripe secret key", ja: "Stripe のシークレットキー")),
        ("rk_live_", 20, Localized(en: "a Stripe restricted key", ja: "Stripe の制限付きキー")),
        ("ghp_", 20, Localized(en: "a GitHub token", ja: "GitHub のトークン")),
        ("gho_", 20, Localized(en: "a GitHub token", ja: "GitHub のトークン")),
        ("ghu_", 20, Localized(en: "a GitHub token", ja: "GitHub のトークン")),
        ("ghs_", 20, Localized(en: "a GitHub token", ja: "GitHub のトークン")),
        ("ghr_", 20, Localized(en: "a GitHub token", ja: "GitHub のトークン")),
        ("github_pat_", 30, Localized(en: "a GitHub token", ja: "GitHub のトークン")),
        ("glpat-", 20, Localized(en: "a GitLab token", ja: "GitLab のトークン")),
        ("xoxb-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("xoxp-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("xoxa-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("xoxr-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("xoxs-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("xoxe-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("xapp-", 15, Localized(en: "a Slack token", ja: "Slack のトークン")),
        ("apa91b", 30, Localized(en: "a Firebase Cloud Messaging server key", ja: "Firebase Cloud Messaging のサーバーキー")),
    ]

    static let shared = PlaceholderLexicon()

    static let anchors = ["pass", "pwd", "key", "secret", "token", "credential", "パスワード", "暗証", "キー", "トークン", "シークレット", "秘密鍵"]
        .map { Array($0.utf8) }
    static let fcmMarker = Array(":APA91b".utf8)
    static let akia = Array("AKIA".utf8), asia = Array("ASIA".utf8), aiza = Array("AIza".utf8)
    static let twilioAccount = Array("AC".utf8), twilioKey = Array("SK".utf8), jwtStart = Array("eyJ".utf8)
    static let prefixBytes = prefixes.map { Array($0.prefix.utf8) }
    static let pemBegin = Array("-----BEGIN".utf8)
    static let pemPrivate = Array("PRIVATE KEY".utf8)

    /// Password managers and vaults: a label followed by one of these says where a secret is kept.
    static let vaults: Set<String> = [
        "1password", "bitwarden", "lastpass", "keeper", "dashlane", "keepass", "vault", "hashicorp", "keychain",
        "secrets-manager", "secretsmanager",
    ]

    static let privateKey = Localized(en: "a private key", ja: "秘密鍵")

    /// Bytes that end a token besides white space; any non-ASCII byte does too (keys are ASCII,
    /// so one glued to Japanese text is still found).
    static let separators = Set("\"'`,;=:()[]{}<>| \t\r\n".utf8)

    /// `separators` and every non-ASCII byte as a table: a lookup per byte without hashing.
    static let endsToken: [Bool] = (0...255).map { $0 >= 0x80 || separators.contains(UInt8($0)) }

    /// nil when `text` has no credential: most texts are rejected by one pass over their bytes
    /// (`SensitiveTextTally`), and only the rest go through `fullScan`.
    static func first(in text: String) -> Localized? {
        let tally = SensitiveTextTally.of(text)
        return tally.mayHoldSecret ? fullScan(text, sawAnchor: tally.sawAnchor) : nil
    }

    /// False only when no branch of `fullScan` could match: no token as long as the shortest
    /// shape (15 bytes), no anchor of a label (which every keyword contains), no PEM header and
    /// no FCM marker. Anchors are compared with ASCII letters folded, as `fullScan` folds them.
    static func mayHoldSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        SensitiveTextTally(bytes: bytes).mayHoldSecret
    }

    /// What `mayHoldSecret` looks for besides long tokens: the label anchors, and the starts of
    /// the PEM and FCM shapes (as the folded bytes `find` would meet them: case matters there,
    /// so they are folded here only to share the comparison; folding can only add hits).
    static let anchorNeedles: [[UInt8]] = anchors + [pemBegin, fcmMarker].map { $0.map(folded) }
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Every check, on any text: what `first(in:)` runs once `mayHoldSecret` lets a text through.
    static func fullScan(_ text: String) -> Localized? { fullScan(text, sawAnchor: true) }

    /// `fullScan(text)`, told by the tally whether an anchor is in the text: the PEM and FCM
    /// shapes start with one and every label contains one, so without one only the shapes of
    /// long tokens are looked for (most texts that pass the tally hold a long link, no anchor).
    static func fullScan(_ text: String, sawAnchor: Bool) -> Localized? {
        guard sawAnchor else { return longTokenShape(text) }
        let bytes = Array(text.utf8)
        if let found = pem(bytes) ?? fcm(bytes) { return found }
        var tokens: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count {
            let ends = index == bytes.count || endsToken[Int(bytes[index])]
            if ends {
                if index > start { tokens.append(start..<index) }
                start = index + 1
            }
        }
        for range in tokens {
            if let found = shape(bytes[range]) { return found }
        }
        let lowered = bytes.map(folded)
        // Every label contains one of these: most texts have none and skip the label scans.
        guard anchors.contains(where: { find($0, in: lowered, from: 0) != nil }) else { return nil }
        if let found = labelled(lowered) { return found }
        return randomNearWord(bytes, lowered: lowered, tokens: tokens)
    }

    // MARK: Shapes

    /// The first provider shape among the tokens of 15 bytes or more, read where the text lies.
    static func longTokenShape(_ text: String) -> Localized? {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || endsToken[Int(bytes[index])] {
                if index - start >= 15, let found = shape(Array(bytes[start..<index])[...]) { return found }
                start = index + 1
            }
            return nil
        }
    }

    static func shape(_ token: ArraySlice<UInt8>) -> Localized? {
        let shown = String(decoding: token.prefix(8), as: UTF8.self)
        func named(_ name: Localized) -> Localized {
            // A space between kana and a Latin word, as everywhere in the Japanese messages.
            let glue = name.ja.unicodeScalars.first.map { $0.isASCII } == true ? " " : ""
            return Localized(en: "\(name.en) starting with '\(shown)…'", ja: "「\(shown)…」で始まる\(glue)\(name.ja)")
        }
        let upperOrDigit = { (byte: UInt8) in (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) }
        // Every shape below is at least 15 characters long.
        guard token.count >= 15 else { return nil }
        if token.count == 20, token.starts(with: akia) || token.starts(with: asia),
            token.allSatisfy(upperOrDigit)
        {
            return named(Localized(en: "an AWS access key", ja: "AWS のアクセスキー"))
        }
        if token.count == 39, token.starts(with: aiza) {
            return named(Localized(en: "a Google API key", ja: "Google の API キー"))
        }
        // Twilio: AC (account SID) or SK (API key) and 32 lower-case hex digits.
        if token.count == 34, token.starts(with: twilioAccount) || token.starts(with: twilioKey),
            token.dropFirst(2).allSatisfy(isLowerHex)
        {
            return named(Localized(en: "a Twilio credential", ja: "Twilio の認証情報"))
        }
        if isJWT(token) { return named(Localized(en: "a JSON Web Token", ja: "JSON Web Token")) }
        let lowered = token.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for (entry, prefix) in zip(prefixes, prefixBytes) where lowered.count >= entry.minimum && lowered.starts(with: prefix) {
            return named(entry.name)
        }
        return nil
    }

    /// header.payload.signature, each base64url, the first two starting with `eyJ` (`{"`).
    static func isJWT(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.count >= 36, token.starts(with: jwtStart) else { return false }
        let parts = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].starts(with: jwtStart), parts.allSatisfy({ $0.count >= 8 }) else {
            return false
        }
        return parts.allSatisfy { $0.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") } }
    }

    /// `-----BEGIN … PRIVATE KEY-----` (a certificate or a public key is meant to be shared).
    static func pem(_ bytes: [UInt8]) -> Localized? {
        guard let begin = find(pemBegin, in: bytes, from: 0) else { return nil }
        let line = bytes[begin...].prefix { $0 != 0x0A }
        return find(pemPrivate, in: Array(line), from: 0) != nil ? privateKey : nil
    }

    /// A legacy FCM server key: `AAAA` + 7 characters + `:APA91b` + the rest, even cut short.
    static func fcm(_ bytes: [UInt8]) -> Localized? {
        var from = 0
        while let found = find(fcmMarker, in: bytes, from: from) {
            from = found + 1
            let head = bytes[..<found].reversed().prefix { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            if head.count >= 8, Array(head.reversed().prefix(4)) == Array("AAAA".utf8) {
                return Localized(
                    en: "a Firebase Cloud Messaging server key starting with 'AAAA…'",
                    ja: "「AAAA…」で始まる Firebase Cloud Messaging のサーバーキー")
            }
        }
        return nil
    }

    // MARK: Labelled values

    static let loweredKeywords = keywords.map { ($0, Array($0.lowercased().utf8)) }

    /// keyword, then ':' '=' '：' 'は' or ' is ', then a value of six or more ASCII characters.
    /// After the prose forms (' is ', は) a value of letters only is a word ("the password is
    /// stored in the vault"), and a placeholder ("TBD") is no value.
    static func labelled(_ lowered: [UInt8]) -> Localized? {
        for (keyword, needle) in loweredKeywords {
            var from = 0
            while let found = find(needle, in: lowered, from: from) {
                from = found + 1
                // "token" inside "tokenised", "key" as the end of "monkey": whole words only.
                if found > 0, needle[0] < 0x80, isAlphanumeric(lowered[found - 1]) { continue }
                var cursor = found + needle.count
                // "API key for staging: …", "server_key (prod)=…": a few words may come between.
                let labelEnd = lowered[cursor...].prefix(32).firstIndex { [UInt8(ascii: ":"), UInt8(ascii: "=")].contains($0) }
                while cursor < lowered.count, lowered[cursor] == 0x20 { cursor += 1 }
                let prose: Bool
                var between = false
                if lowered[cursor...].starts(with: Array("is ".utf8)) {
                    cursor += 3
                    prose = true
                } else if cursor < lowered.count, lowered[cursor] == UInt8(ascii: ":") || lowered[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    prose = false
                } else if lowered[cursor...].starts(with: Array("：".utf8)) {
                    cursor += 3
                    prose = false
                } else if lowered[cursor...].starts(with: Array("は".utf8)) {
                    cursor += 3
                    prose = true
                } else if let labelEnd, !lowered[cursor..<labelEnd].contains(where: { $0 >= 0x80 || $0 == 0x0A }) {
                    cursor = labelEnd + 1
                    prose = false
                    between = true
                } else {
                    continue
                }
                while cursor < lowered.count, lowered[cursor] == 0x20 { cursor += 1 }
                var end = cursor
                while end < lowered.count, lowered[end] < 0x80, !isSpace(lowered[end]), lowered[end] != UInt8(ascii: ",") { end += 1 }
                guard end - cursor >= 6 else { continue }
                let value = lowered[cursor..<end]
                if prose && value.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { continue }
                // "the password is in 1Password": where it is kept, not what it is.
                if vaults.contains(String(decoding: value, as: UTF8.self).trimmingCharacters(in: ".。")) { continue }
                if shared.placeholder(in: String(decoding: value, as: UTF8.self)) != nil { continue }
                // With words between label and colon ("password reset page: …") only a value with
                // digits and letters, not an address, is taken for a secret.
                if between {
                    let text = String(decoding: value, as: UTF8.self)
                    guard !text.contains("://"), !text.contains("@"), value.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                        value.contains(where: { $0 >= 0x61 && $0 <= 0x7A }), value.count >= 8
                    else { continue }
                }
                return Localized(
                    en: "what looks like a \(keyword) value",
                    ja: keyword.utf8.allSatisfy { $0 < 0x80 } ? "\(keyword) の値らしきもの" : "\(keyword)の値らしきもの")
            }
        }
        return nil
    }

    // MARK: Random values near a word

    /// A token of 20+ characters that looks random (letters and digits mixed, high entropy, or
    /// 32+ hex digits) within a few words after key/token/secret/password.
    static func randomNearWord(_ bytes: [UInt8], lowered: [UInt8], tokens: [Range<Int>]) -> Localized? {
        for (index, range) in tokens.enumerated() where isRandom(bytes[range]) {
            // The word may be glued to Japanese before the token (「トークン 5f9a…」).
            let windowStart = max(0, range.lowerBound - 40)
            let window = String(decoding: lowered[windowStart..<range.lowerBound], as: UTF8.self)
            let previousTokens = tokens[max(0, index - 4)..<index].map { String(decoding: lowered[$0], as: UTF8.self) }
            let near = nearWords.contains { word in
                word.utf8.allSatisfy { $0 < 0x80 }
                    ? previousTokens.contains { $0 == word || $0.hasSuffix("_" + word) || $0.hasSuffix("-" + word) || $0 == word + "s" }
                    : window.contains(word)
            }
            if near {
                return Localized(
                    en: "a long random value after a key or token label", ja: "キーやトークンの後の長いランダムな値")
            }
        }
        return nil
    }

    static func isRandom(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.count >= 20, token.allSatisfy({ isAlphanumeric($0) || "-_+/=.".utf8.contains($0) }) else { return false }
        if token.contains(UInt8(ascii: "/")) && token.filter({ $0 == UInt8(ascii: "/") }).count > 1 { return false }  // a path
        if token.count >= 32, token.allSatisfy(isLowerHex) { return true }
        let hasDigit = token.contains { $0 >= 0x30 && $0 <= 0x39 }
        let hasLower = token.contains { $0 >= 0x61 && $0 <= 0x7A }
        let hasUpper = token.contains { $0 >= 0x41 && $0 <= 0x5A }
        guard hasDigit, hasLower || hasUpper else { return false }
        // Words joined by '_' or '-' ("spring_sale_2027_newsletter") are a code meant to be read.
        let segments = token.split { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        if segments.count >= 3 { return false }
        return entropy(token) >= 3.8
    }

    /// Shannon entropy in bits per character.
    static func entropy(_ token: ArraySlice<UInt8>) -> Double {
        var counts: [UInt8: Int] = [:]
        for byte in token { counts[byte, default: 0] += 1 }
        let total = Double(token.count)
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }

    static func log2(_ x: Double) -> Double {
        // Foundation-free: ln(x) by the series around 1 is enough for probabilities in (0, 1].
        var value = x
        var exponent = 0.0
        while value < 0.5 {
            value *= 2
            exponent -= 1
        }
        let y = (value - 1) / (value + 1)
        var term = y
        var sum = 0.0
        var n = 1.0
        while abs(term) > 1e-12 {
            sum += term / n
            term *= y * y
            n += 2
        }
        return exponent + 2 * sum / 0.6931471805599453
    }

    static func isLowerHex(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
