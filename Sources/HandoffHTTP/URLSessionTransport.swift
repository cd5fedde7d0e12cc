import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The one HTTP call handoff makes, exported with a C name so that the `handoff` executable can
/// load this library with `dlopen` when `push` or `pull` runs. Linking FoundationNetworking (and
/// libcurl, OpenSSL, Kerberos, LDAP behind it) into the executable would make every start-up, even
/// `handoff --version`, pay for loading them.
///
/// The request is one byte block: `METHOD URL\n`, then `Name: value\n` per header, an empty line,
/// and the body. The answer comes back through `reply` (called exactly once): the HTTP status and
/// a block of `Name: value\n` headers, an empty line and the body; or status -1 (cannot connect),
/// -2 (timed out) with the reason as the body.
@_cdecl("handoff_http_perform")
public func handoffHTTPPerform(
    _ request: UnsafePointer<UInt8>, _ requestLength: Int, _ timeoutSeconds: Double,
    _ reply: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<UInt8>?, Int) -> Void,
    _ context: UnsafeMutableRawPointer?
) {
    let bytes = Data(bytes: request, count: requestLength)
    func answer(_ status: Int32, _ block: Data) {
        block.withUnsafeBytes { raw in
            reply(context, status, raw.bindMemory(to: UInt8.self).baseAddress, block.count)
        }
    }
    guard let urlRequest = parse(bytes, timeout: timeoutSeconds) else {
        answer(-1, Data("the request could not be read".utf8))
        return
    }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeoutSeconds
    configuration.timeoutIntervalForResource = timeoutSeconds
    // Credentials come only from handoff's own Authorization header, never from a cache.
    configuration.urlCredentialStorage = nil
    configuration.httpCookieStorage = nil
    configuration.urlCache = nil
    let session = URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var outcome: (Int32, Data) = (-1, Data("no answer".utf8))
    let task = session.dataTask(with: urlRequest) { data, response, error in
        if let error = error as? URLError {
            outcome = (error.code == .timedOut ? -2 : -1, Data(error.localizedDescription.utf8))
        } else if let error {
            outcome = (-1, Data(error.localizedDescription.utf8))
        } else if let response = response as? HTTPURLResponse {
            var block = Data()
            for (name, value) in response.allHeaderFields {
                block.append(Data("\(name): \(value)\n".utf8))
            }
            block.append(Data("\n".utf8))
            block.append(data ?? Data())
            outcome = (Int32(response.statusCode), block)
        }
        done.signal()
    }
    task.resume()
    done.wait()
    answer(outcome.0, outcome.1)
}

private func parse(_ bytes: Data, timeout: Double) -> URLRequest? {
    guard let headEnd = bytes.range(of: Data("\n\n".utf8)) else { return nil }
    let head = String(decoding: bytes[bytes.startIndex..<headEnd.lowerBound], as: UTF8.self)
    let body = bytes[headEnd.upperBound...]
    var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
    guard !lines.isEmpty else { return nil }
    let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 1)
    guard requestLine.count == 2, let url = URL(string: String(requestLine[1])) else { return nil }
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = String(requestLine[0])
    for line in lines {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        request.setValue(String(value), forHTTPHeaderField: name)
    }
    if !body.isEmpty { request.httpBody = Data(body) }
    return request
}

/// A redirect is answered to handoff instead of followed: following it would send the
/// Authorization header to wherever the redirect points.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
