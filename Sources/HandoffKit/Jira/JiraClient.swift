#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a push or pull could not be done, with the exit status it means: 2 for what the user must
/// fix (a credential, a setting, a field Jira refuses), 3 when Jira could not be reached or kept
/// failing.
public struct JiraFailure: Error, Sendable, CustomStringConvertible {
    /// `usage`: the user must fix a credential or setting; `refused`: Jira refused the request;
    /// `unreachable`: Jira could not be reached or kept failing.
    public enum Kind: Sendable { case usage, refused, unreachable }
    /// What kind of failure, which decides the exit status.
    public var kind: Kind
    /// The whole message for the user, possibly several lines (one per field Jira refused).
    public var message: String
    /// A failure of `kind`, explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    /// The message, as it is printed.
    public var description: String { message }
    /// 3 when Jira could not be reached or kept failing, else 2.
    public var exitStatus: Int32 { kind == .unreachable ? 3 : 2 }
}

/// A Jira site from `--site`, `jira.site` or a recorded `jira.url`: scheme, host and optional port
/// and path prefix, without a trailing slash.
public struct JiraSite: Sendable, Equatable {
    /// Scheme, host, optional port and path prefix, without a trailing slash; REST paths are appended to it.
    public var base: String
    /// The host, for messages; an IPv6 address keeps its brackets.
    public var host: String

    /// Reads a site address; a recorded issue URL (`…/browse/MKT-1`) is cut back to its site.
    /// - Throws: `JiraFailure` (`usage`) when `text` is not https (or http to this machine), has no
    ///   host, or holds a user name or password.
    public init(_ text: String) throws(JiraFailure) {
        if let problem = Self.problem(with: text) { throw JiraFailure(.usage, problem) }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        // A recorded issue URL names its site: cut at /browse/.
        if let browse = base.range(of: "/browse/") { base = String(base[..<browse.lowerBound]) }
        self.base = base
        let afterScheme = base[base.range(of: "://")!.upperBound...]
        let authority = afterScheme.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let hostPart = authority.split(separator: "@").last.map(String.init) ?? authority
        host = hostPart.hasPrefix("[") ? hostPart : String(hostPart.split(separator: ":").first ?? "")
    }

    /// Why `text` cannot be a Jira site, or nil (the configuration checks `jira.site` the same way).
    public static func problem(with text: String) -> String? { JiraSettings.siteProblem(text) }

    /// The issue's page on this site, e.g. https://example.atlassian.net/browse/MKT-123.
    public func browseURL(_ key: String) -> String { base + "/browse/" + key }
}

/// How hard to try: attempts, the backoff between them, and how long one answer may take.
public struct RetryPolicy: Sendable {
    /// How many times one request is sent, the first included, before a 429 or 5xx is given up on.
    public var attempts = 5
    /// Seconds of backoff before the first retry; the ceiling doubles per attempt up to `maximumDelay`,
    /// and the wait is drawn from its upper half.
    public var firstDelay = 0.5
    /// The longest backoff wait, in seconds; a `Retry-After` may ask for up to four times this.
    public var maximumDelay = 30.0
    /// Seconds one answer may take (`HANDOFF_JIRA_TIMEOUT` can change it).
    public var timeout = 30.0
    /// Multiplies every wait, `Retry-After` included. For tests only (`HANDOFF_JIRA_BACKOFF_SCALE`),
    /// so a suite can check the retries without sleeping for real.
    public var scale = 1.0

    /// The defaults: 5 attempts, 0.5 s then doubling up to 30 s, 30 s per answer.
    public init() {}

    /// The defaults, with `HANDOFF_JIRA_BACKOFF_SCALE` and `HANDOFF_JIRA_TIMEOUT` applied when they are
    /// valid numbers (the scale at least 0, the timeout above 0); other values are ignored.
    public init(environment: [String: String]) {
        if let text = environment["HANDOFF_JIRA_BACKOFF_SCALE"], let value = Double(text), value >= 0 { scale = value }
        if let text = environment["HANDOFF_JIRA_TIMEOUT"], let value = Double(text), value > 0 { timeout = value }
    }

    /// The wait before attempt `attempt + 1`: Jira's `Retry-After` when it gave one, else an
    /// exponential backoff with full jitter (so many clients do not retry in step).
    func delay(after attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: " ")), seconds >= 0 {
            return min(seconds, maximumDelay * 4) * scale
        }
        let ceiling = min(maximumDelay, firstDelay * Double(1 << min(attempt, 16)))
        return Double.random(in: ceiling / 2...ceiling) * scale
    }
}

/// Jira's REST API over an `HTTPTransport`: authentication, JSON, retries, and Jira's answers
/// turned into messages.
public final class JiraClient: @unchecked Sendable {
    /// The site every request goes to.
    public let site: JiraSite
    /// The REST API version: `jira.api` when given, else nil until `resolvedAPI()` asks the site.
    public private(set) var api: JiraAPIVersion?
    let credentials: JiraCredentials?
    let transport: any HTTPTransport
    let policy: RetryPolicy
    /// Where retries are announced (stderr); never given a credential.
    let note: (String) -> Void
    /// `--dry-run`: requests that would write are collected instead of sent.
    public let dryRun: Bool
    /// Writes collected under `--dry-run` and not yet taken by `takePlannedWrites()`.
    public private(set) var plannedWrites: [HTTPRequest] = []

    /// The writes planned since the last call (one draft's, under `--dry-run`).
    public func takePlannedWrites() -> [HTTPRequest] {
        defer { plannedWrites = [] }
        return plannedWrites
    }
    /// Which draft field or setting a Jira field comes from, for Jira's per-field errors.
    public var fieldOrigin: @Sendable (String) -> String? = { _ in nil }

    /// A client for `site`. Nothing is sent until the first call.
    /// - Parameters:
    ///   - api: `jira.api`, or nil to ask the site on first use.
    ///   - credentials: nil only for a dry run, which then plans as for new issues.
    ///   - note: where retries are announced (stderr in the tool); never given a credential.
    public init(
        site: JiraSite, api: JiraAPIVersion?, credentials: JiraCredentials?, transport: any HTTPTransport,
        policy: RetryPolicy = RetryPolicy(), dryRun: Bool = false, note: @escaping (String) -> Void = { _ in }
    ) {
        self.site = site
        self.api = api
        self.credentials = credentials
        self.transport = transport
        self.policy = policy
        self.dryRun = dryRun
        self.note = note
    }

    /// `jira.api`, else what the site says of itself: `deploymentType` Cloud → v3, Server or
    /// Data Center → v2. A site that will not say is taken for Cloud.
    public func resolvedAPI() throws(JiraFailure) -> JiraAPIVersion {
        if let api { return api }
        let answer = try call("GET", "/rest/api/2/serverInfo")
        let deployment = answer?["deploymentType"]?.scalarText?.lowercased()
        let detected: JiraAPIVersion = deployment == nil || deployment == "cloud" ? .v3 : .v2
        api = detected
        return detected
    }

    /// `/rest/api/{2,3}` + `path`.
    public func apiPath(_ path: String) throws(JiraFailure) -> String {
        "/rest/api/\(try resolvedAPI() == .v3 ? "3" : "2")" + path
    }

    func request(_ method: String, _ path: String, body: Value?) -> HTTPRequest {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let credentials { headers.append(("Authorization", credentials.authorization)) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        // Data Center refuses writes that look like browser form posts without this.
        headers.append(("X-Atlassian-Token", "no-check"))
        return HTTPRequest(method: method, url: site.base + path, headers: headers, body: body.map(JSONWriter.compact))
    }

    /// Sends one request and returns Jira's parsed answer (nil for an empty one). Writes are only
    /// planned under `--dry-run`. 429 and 5xx are retried with backoff up to the policy's bound;
    /// `recheck`, when given, runs before each retry and ends the call with its answer when it
    /// finds one (a create that Jira may have done before failing).
    @discardableResult
    public func call(
        _ method: String, _ path: String, body: Value? = nil, what: String = "",
        recheck: (() throws(JiraFailure) -> DocNode?)? = nil
    ) throws(JiraFailure) -> DocNode? {
        let request = request(method, path, body: body)
        if dryRun && method != "GET" {
            plannedWrites.append(request)
            return nil
        }
        guard credentials != nil else {
            // A dry run without a credential plans as for a new issue: it cannot look anything up.
            if dryRun { return nil }
            throw JiraFailure(.usage, "no credential for \(site.host)")
        }
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                response = try transport.send(request, timeout: policy.timeout)
            } catch {
                switch error.kind {
                case .timedOut:
                    throw JiraFailure(.unreachable, "\(site.host) did not answer \(method) \(path) in time (\(error.message)); nothing was changed by this request")
                case .unreachable:
                    throw JiraFailure(.unreachable, "cannot reach \(site.host): \(error.message)")
                case .unavailable:
                    throw JiraFailure(.unreachable, error.message)
                }
            }
            switch response.status {
            case 200..<300:
                return Self.parse(response.body)
            case 429, 500..<600:
                if attempt >= policy.attempts {
                    throw JiraFailure(
                        .unreachable,
                        "\(site.host) answered \(response.status) to \(method) \(path) \(attempt) times; giving up "
                            + "(try again later)" + Self.messages(response.body).map { ": " + $0 }.joined())
                }
                let wait = policy.delay(after: attempt, retryAfter: response.headers["retry-after"])
                note("note: \(site.host) answered \(response.status); retrying in \(Self.seconds(wait)) (attempt \(attempt + 1) of \(policy.attempts))")
                if wait > 0 { usleep(UInt32(min(wait, 600) * 1_000_000)) }
                if let recheck, let found = try recheck() { return found }
            case 300..<400:
                throw JiraFailure(
                    .usage,
                    "\(site.host) redirects \(method) \(path) (\(response.status)) to \(response.headers["location"] ?? "another address"); "
                        + "handoff does not follow redirects with your credential: give the final address as --site or jira.site")
            case 401:
                throw JiraFailure(
                    .usage,
                    "\(site.host) refused the credential (401 Unauthorized) of \(credentials?.account ?? "nobody"): check "
                        + "that it is current and belongs to this site")
            case 403:
                throw JiraFailure(
                    .usage,
                    "\(site.host) does not let \(credentials?.account ?? "nobody") do this (403 Forbidden: \(method) \(path))"
                        + Self.messages(response.body).map { ": " + $0 }.joined())
            case 404:
                throw JiraFailure(.refused, "not found on \(site.host) (404: \(method) \(path))" + Self.messages(response.body).map { ": " + $0 }.joined())
            default:
                throw JiraError(status: response.status, body: response.body, what: what, origin: fieldOrigin).failure
            }
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int(value * 1000)) ms" : "\(Int(value.rounded())) s"
    }

    static func parse(_ body: String) -> DocNode? {
        guard body.contains(where: { !$0.isWhitespace }) else { return nil }
        let chunk = DocumentChunk(index: 1, firstLine: 1, text: body, error: nil)
        return try? YAMLReader.parse(chunk, source: "Jira's answer", limits: .responses)
    }

    /// Jira's `errorMessages` and `errors` as one line each.
    static func messages(_ body: String) -> [String] {
        guard let root = parse(body) else { return [] }
        var out = (root["errorMessages"]?.items ?? []).compactMap(\.scalarText)
        for pair in root["errors"]?.pairs ?? [] {
            if let key = pair.key.scalarText, let message = pair.value.scalarText { out.append("\(key): \(message)") }
        }
        return out
    }
}

extension InputLimits {
    /// Jira's answers are machine-written; a search or comment page is well within this.
    static var responses: InputLimits {
        var limits = InputLimits.standard
        limits.maxDocumentBytes = 64 << 20
        limits.maxLineBytes = 64 << 20
        return limits
    }
}

/// A 400 (or other refusal) with Jira's `errorMessages` and per-field `errors`.
struct JiraError {
    var status: Int
    var body: String
    var what: String
    var origin: (String) -> String?

    var failure: JiraFailure {
        var lines = ["Jira refused \(what.isEmpty ? "the request" : what) (\(status))"]
        guard let root = JiraClient.parse(body) else {
            return JiraFailure(.refused, lines[0] + (body.isEmpty ? "" : ": " + String(body.prefix(300))))
        }
        for message in (root["errorMessages"]?.items ?? []).compactMap(\.scalarText) { lines.append("  " + message) }
        for pair in root["errors"]?.pairs ?? [] {
            guard let field = pair.key.scalarText, let message = pair.value.scalarText else { continue }
            lines.append("  \(field): \(message)" + (origin(field).map { " (\($0))" } ?? ""))
        }
        return JiraFailure(.refused, lines.joined(separator: "\n"))
    }
}
