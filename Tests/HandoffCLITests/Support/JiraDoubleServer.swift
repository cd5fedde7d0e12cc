import Foundation
import HandoffTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Tests/JiraDouble/jira-double`, started for one test on 127.0.0.1 (a port the system picks)
/// and stopped when the test is done.
final class JiraDoubleServer: @unchecked Sendable {
    static let script = Repository.file("Tests/JiraDouble/jira-double")
    static let user = "aiko@example.com"
    static let token = "tok-Sup3rSecret-0042"
    static let pat = "pat-DataCenter-Secret-77"

    let process = Process()
    let port: Int
    var site: String { "http://127.0.0.1:\(port)" }

    /// The environment a push needs to sign in as the double's user, with fast retries.
    var environment: [String: String?] {
        ["JIRA_USER": Self.user, "JIRA_API_TOKEN": Self.token, "HANDOFF_JIRA_BACKOFF_SCALE": "0.01"]
    }

    init(_ arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: ExternalTool.python[0])
        process.arguments = Array(ExternalTool.python.dropFirst()) + [Self.script.path, "--user", Self.user, "--token", Self.token, "--pat", Self.pat] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw DoubleError(message: "the Jira double did not start (printed '\(String(decoding: line, as: UTF8.self))')")
        }
        self.port = port
    }

    struct DoubleError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    deinit { stop() }

    /// SIGKILL: a child started from a test thread inherits that thread's blocked signals, so
    /// SIGTERM may never arrive.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Sends a request to the double's control endpoint (never to anything but 127.0.0.1).
    @discardableResult
    func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> Any? {
        var request = URLRequest(url: URL(string: site + path)!)
        request.httpMethod = method
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Data?
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result = data
            done.signal()
        }.resume()
        done.wait()
        guard let result, !result.isEmpty else { return nil }
        return try JSONSerialization.jsonObject(with: result)
    }

    func state() throws -> [String: Any] { try control("GET", "/_double/state") as? [String: Any] ?? [:] }
    func issues() throws -> [[String: Any]] { try state()["issues"] as? [[String: Any]] ?? [] }
    func requests() throws -> [[String: Any]] { try state()["requests"] as? [[String: Any]] ?? [] }
    func violations() throws -> [Any] { try state()["violations"] as? [Any] ?? [] }
    /// Requests that change something in Jira.
    func writes() throws -> [[String: Any]] { try requests().filter { ($0["method"] as? String) != "GET" } }

    func fault(_ fault: [String: Any]) throws { try control("POST", "/_double/fault", fault) }
    func comment(on key: String, _ body: String, by author: String) throws {
        try control("POST", "/_double/comment", ["key": key, "body": body, "author": author])
    }
    func setStatus(of key: String, _ status: String) throws { try control("POST", "/_double/status", ["key": key, "status": status]) }
}
