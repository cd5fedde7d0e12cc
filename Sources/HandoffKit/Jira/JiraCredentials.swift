#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How handoff signs in to Jira, as people already keep it: `JIRA_USER` + `JIRA_API_TOKEN` (Cloud,
/// basic auth), `JIRA_PAT` (Data Center, bearer), or `~/.netrc` for the site's host. Never read
/// from a draft or the configuration, and the secret is never shown: `description` names only the
/// account.
public struct JiraCredentials: Sendable, CustomStringConvertible {
    /// Basic auth (Cloud: e-mail and API token, or a `~/.netrc` login) or a bearer token (Data Center PAT).
    public enum Scheme: Sendable {
        case basic(user: String, secret: String)
        case bearer(secret: String)
    }
    /// How the credential signs in; it holds the secret, so never print it.
    public var scheme: Scheme
    /// Where it came from, for messages ("JIRA_USER", "~/.netrc").
    public var origin: String

    /// The account, for 401/403 messages; never the secret.
    public var account: String {
        switch scheme {
        case .basic(let user, _): return "\(user) (from \(origin))"
        case .bearer: return "the personal access token in \(origin)"
        }
    }

    /// The account only, never the secret.
    public var description: String { account }

    var authorization: String {
        switch scheme {
        case .basic(let user, let secret): return "Basic " + Base64.encode(Array("\(user):\(secret)".utf8))
        case .bearer(let secret): return "Bearer " + secret
        }
    }

    /// What applies to `host`: the environment first (Cloud's pair for v3, the token for v2 when both
    /// are set), then `~/.netrc`.
    public static func resolve(host: String, api: JiraAPIVersion?, environment: [String: String]) throws(JiraFailure)
        -> JiraCredentials
    {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        let pair = value("JIRA_USER").flatMap { user in value("JIRA_API_TOKEN").map { (user, $0) } }
        let token = value("JIRA_PAT")
        switch (pair, token) {
        case (let pair?, let token?):
            return api == .v2
                ? JiraCredentials(scheme: .bearer(secret: token), origin: "JIRA_PAT")
                : JiraCredentials(scheme: .basic(user: pair.0, secret: pair.1), origin: "JIRA_USER/JIRA_API_TOKEN")
        case (let pair?, nil):
            return JiraCredentials(scheme: .basic(user: pair.0, secret: pair.1), origin: "JIRA_USER/JIRA_API_TOKEN")
        case (nil, let token?):
            return JiraCredentials(scheme: .bearer(secret: token), origin: "JIRA_PAT")
        case (nil, nil):
            break
        }
        let netrcPath = value("NETRC") ?? ((value("HOME") ?? "") + "/.netrc")
        if let text = try? DraftStore.readText(netrcPath), let entry = Netrc.entry(for: host, in: text) {
            return JiraCredentials(scheme: .basic(user: entry.login, secret: entry.password), origin: "~/.netrc")
        }
        var hint = "set JIRA_USER and JIRA_API_TOKEN (Jira Cloud: your e-mail and an API token from "
            + "id.atlassian.com), or JIRA_PAT (Data Center: a personal access token), or add `machine \(host) login … password …` to ~/.netrc"
        if value("JIRA_USER") != nil && value("JIRA_API_TOKEN") == nil { hint = "JIRA_USER is set but JIRA_API_TOKEN is not: set JIRA_API_TOKEN too, or " + hint }
        if value("JIRA_API_TOKEN") != nil && value("JIRA_USER") == nil { hint = "JIRA_API_TOKEN is set but JIRA_USER is not: set JIRA_USER (your Atlassian e-mail), or " + hint }
        throw JiraFailure(.usage, "no Jira credential for \(host): \(hint)")
    }
}

/// `~/.netrc` as curl and ftp read it: `machine HOST login USER password SECRET`, `default`, and
/// `macdef` blocks skipped.
enum Netrc {
    struct Entry { var login: String; var password: String }

    static func entry(for host: String, in text: String) -> Entry? {
        var tokens: [String] = []
        var skippingMacro = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if skippingMacro {
                if line.allSatisfy(\.isWhitespace) { skippingMacro = false }
                continue
            }
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.first == "macdef" { skippingMacro = true; continue }
            if words.first?.hasPrefix("#") == true { continue }
            tokens += words
        }
        var matched: Entry?
        var fallback: Entry?
        var index = 0
        while index < tokens.count {
            let isDefault = tokens[index] == "default"
            guard tokens[index] == "machine" || isDefault else { index += 1; continue }
            let machine = isDefault ? nil : tokens[safe: index + 1]
            index += isDefault ? 1 : 2
            var login: String?
            var password: String?
            while index < tokens.count, tokens[index] != "machine", tokens[index] != "default" {
                let next = tokens[safe: index + 1]
                switch tokens[index] {
                case "login": login = next; index += 2
                case "password": password = next; index += 2
                case "account": index += 2
                default: index += 1
                }
            }
            guard let login, let password else { continue }
            if let machine, machine.lowercased() == host.lowercased(), matched == nil { matched = Entry(login: login, password: password) }
            if isDefault, fallback == nil { fallback = Entry(login: login, password: password) }
        }
        return matched ?? fallback
    }
}

enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let a = chunk[chunk.startIndex]
            let b = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let c = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 0x03) << 4 | b >> 4)])
            out.append(chunk.count > 1 ? alphabet[Int((b & 0x0f) << 2 | c >> 6)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(c & 0x3f)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
