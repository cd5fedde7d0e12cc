import Foundation

/// Where the tests find the repository they belong to, whatever directory `swift test` runs from.
public enum Repository {
    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `path` (relative to the root) as a URL.
    public static func file(_ path: String) -> URL { root.appendingPathComponent(path) }
}

/// Fresh private folders for one test each.
public enum Scratch {
    public static func directory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
