import Foundation
import HandoffTestSupport
import Testing

/// The library's folders are its layers: each folder's README says which folders it may use, the
/// code uses exactly those, and no folder uses one that uses it back. A dependency counts when a
/// folder names a type another folder declares at top level (in code, or in a string's
/// interpolation; not in comments or plain string text).
@Suite("Library layering")
struct LayeringTests {
    static let library = Repository.file("Sources/HandoffKit")

    @Test("no folder uses a folder that uses it back, directly or around a loop")
    func noCycles() throws {
        let graph = try FolderGraph(root: Self.library)
        let loops = graph.loops()
        #expect(loops.isEmpty, "folders that depend on each other: \(loops.map { $0.joined(separator: " → ") })")
    }

    @Test("each folder's README names exactly the folders it uses")
    func readmesMatchTheCode() throws {
        let graph = try FolderGraph(root: Self.library)
        for folder in graph.folders {
            let readme = Self.library.appendingPathComponent(folder + "/README.md")
            guard let text = try? String(contentsOf: readme, encoding: .utf8) else {
                Issue.record("Sources/HandoffKit/\(folder) has no README.md (what it owns, what it may use)")
                continue
            }
            let declared = Self.usesLine(in: text)
            let actual = graph.uses[folder, default: []]
            let expected = actual.isEmpty ? "Uses: nothing" : "Uses: " + actual.sorted().joined(separator: ", ")
            #expect(
                declared == actual,
                "Sources/HandoffKit/\(folder)/README.md says \(declared.sorted()); the code uses \(actual.sorted()) — write `\(expected).`"
            )
            let users = Set(graph.folders.filter { graph.uses[$0, default: []].contains(folder) })
            let declaredUsers = Self.listLine("Used by: ", in: text)
            let expectedUsers = users.isEmpty ? "no other folder" : users.sorted().joined(separator: ", ")
            #expect(
                declaredUsers == users,
                "Sources/HandoffKit/\(folder)/README.md's `Used by:` line says \(declaredUsers.sorted()); write `Used by: \(expectedUsers).`"
            )
            for (other, names) in graph.names[folder, default: [:]] where !declared.contains(other) {
                Issue.record("\(folder) uses \(other) through \(names.sorted().joined(separator: ", "))")
            }
        }
    }

    @Test("the README's layout table lists every library folder")
    func layoutTableIsComplete() throws {
        let readme = try String(contentsOf: Repository.file("README.md"), encoding: .utf8)
        for folder in try FolderGraph(root: Self.library).folders {
            #expect(readme.contains("`Sources/HandoffKit/\(folder)/`"), "README.md's Layout table does not list \(folder)")
        }
    }

    @Test("no Swift file in Sources or Tests is over 600 lines")
    func filesStayShort() throws {
        for top in ["Sources", "Tests"] {
            let base = Repository.file(top)
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "swift", !url.path.contains("/.build") else { continue }
                let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count <= 601, "\(url.path.dropFirst(Repository.root.path.count + 1)) has \(lines.count - 1) lines")
            }
        }
    }

    @Test("the graph sees a use in code and in an interpolation, and not in a comment or plain text")
    func scannerReadsCodeOnly() {
        let code = """
            // Draft in a comment
            /* Draft in a block */
            let text = "Draft in a string \\(Store.name) and \\("nested \\(Config.x)")"
            let raw = \"\"\"
                Draft in a block string \\(Model.y)
                \"\"\"
            func f(_ value: Export) {}
            """
        let names = FolderGraph.identifiers(in: code)
        #expect(names.isSuperset(of: ["Store", "Config", "Model", "Export"]))
        #expect(!names.contains("Draft"))
    }

    /// The folders a README's `Uses:` line names (`Uses: nothing.` for none).
    static func usesLine(in text: String) -> Set<String> { listLine("Uses: ", in: text) }

    /// The folders named on the README line starting with `prefix`; "nothing" or "no other
    /// folder…" for none.
    static func listLine(_ prefix: String, in text: String) -> Set<String> {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return ["(no \(prefix)line)"] }
        let list = line.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if list == "nothing" || list.hasPrefix("no other folder") { return [] }
        return Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) })
    }
}

/// Which library folder uses which, by the top-level type names each declares and names.
struct FolderGraph {
    var folders: [String] = []
    /// folder → the folders it uses.
    var uses: [String: Set<String>] = [:]
    /// folder → used folder → the type names that make the use.
    var names: [String: [String: Set<String>]] = [:]

    init(root: URL) throws {
        var declared: [String: String] = [:]
        var named: [String: Set<String>] = [:]
        let fileManager = FileManager.default
        folders = try fileManager.contentsOfDirectory(atPath: root.path).filter { name in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
        for folder in folders {
            let walker = fileManager.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                for name in Self.topLevelTypes(in: text) { declared[name] = folder }
                named[folder, default: []].formUnion(Self.identifiers(in: text))
            }
        }
        for folder in folders {
            for name in named[folder, default: []] {
                guard let owner = declared[name], owner != folder else { continue }
                uses[folder, default: []].insert(owner)
                names[folder, default: [:]][owner, default: []].insert(name)
            }
        }
    }

    /// Every set of folders that reach each other (Tarjan's strongly connected components of more
    /// than one folder), each sorted.
    func loops() -> [[String]] {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var stack: [String] = []
        var onStack: Set<String> = []
        var found: [[String]] = []
        var counter = 0
        func visit(_ folder: String) {
            index[folder] = counter
            low[folder] = counter
            counter += 1
            stack.append(folder)
            onStack.insert(folder)
            for next in uses[folder, default: []].sorted() {
                if index[next] == nil {
                    visit(next)
                    low[folder] = min(low[folder]!, low[next]!)
                } else if onStack.contains(next) {
                    low[folder] = min(low[folder]!, index[next]!)
                }
            }
            guard low[folder] == index[folder] else { return }
            var component: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == folder { break }
            }
            if component.count > 1 { found.append(component.sorted()) }
        }
        for folder in folders where index[folder] == nil { visit(folder) }
        return found
    }

    /// Names declared at the top level of a file: `struct`, `class`, `enum`, `protocol`, `actor`,
    /// `typealias` starting a line, after attributes and modifiers.
    static func topLevelTypes(in text: String) -> [String] {
        let keywords: Set<String> = ["struct", "class", "enum", "protocol", "actor", "typealias"]
        let modifiers: Set<String> = [
            "public", "internal", "private", "fileprivate", "package", "final", "indirect", "nonisolated",
        ]
        var found: [String] = []
        for line in text.split(separator: "\n") where line.first.map({ $0.isLetter || $0 == "@" }) ?? false {
            var words = line.split(separator: " ").map(String.init)[...]
            while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) { words = words.dropFirst() }
            guard let keyword = words.first, keywords.contains(keyword), let name = words.dropFirst().first else { continue }
            found.append(String(name.prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
        }
        return found
    }

    /// Capitalised identifiers in code: comments and string text skipped, interpolations read.
    static func identifiers(in text: String) -> Set<String> {
        var found: Set<String> = []
        let scalars = Array(text.unicodeScalars)
        var position = 0
        func at(_ offset: Int) -> Unicode.Scalar? { position + offset < scalars.count ? scalars[position + offset] : nil }
        func isWord(_ scalar: Unicode.Scalar) -> Bool { CharacterSet.alphanumerics.contains(scalar) || scalar == "_" }
        /// Reads code until an unbalanced `)` (inside an interpolation) or the end.
        func code(insideInterpolation: Bool) {
            var depth = 0
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "/", at(1) == "/" {
                    while position < scalars.count, scalars[position] != "\n" { position += 1 }
                } else if scalar == "/", at(1) == "*" {
                    position += 2
                    while position < scalars.count, !(scalars[position] == "*" && at(1) == "/") { position += 1 }
                    position += 2
                } else if scalar == "\"" {
                    string()
                } else if scalar == "(" {
                    depth += 1
                    position += 1
                } else if scalar == ")" {
                    if insideInterpolation && depth == 0 {
                        position += 1
                        return
                    }
                    depth -= 1
                    position += 1
                } else if isWord(scalar) {
                    let start = position
                    while position < scalars.count, isWord(scalars[position]) { position += 1 }
                    if let first = scalars[start].properties.isUppercase ? scalars[start] : nil, first != "_" {
                        found.insert(String(String.UnicodeScalarView(scalars[start..<position])))
                    }
                } else {
                    position += 1
                }
            }
        }
        /// Skips a string literal (single-line or `"""`), reading its interpolations as code.
        func string() {
            let block = at(1) == "\"" && at(2) == "\""
            position += block ? 3 : 1
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\\" {
                    if at(1) == "(" {
                        position += 2
                        code(insideInterpolation: true)
                    } else {
                        position += 2
                    }
                } else if block, scalar == "\"", at(1) == "\"", at(2) == "\"" {
                    position += 3
                    return
                } else if !block, scalar == "\"" || scalar == "\n" {
                    position += 1
                    return
                } else {
                    position += 1
                }
            }
        }
        code(insideInterpolation: false)
        return found
    }
}
