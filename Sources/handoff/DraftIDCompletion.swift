import ArgumentParser
import Foundation
import HandoffKit

/// Shell completion of draft ids. The completion scripts call back into handoff on Tab, so this
/// must stay fast: it reads the store's directory, never a draft.
enum DraftIDCompletion {
    /// For arguments that take a stored draft id only (resume, history).
    static let ids = CompletionKind.custom { words, _, prefix in
        storedIDs(words: words, environment: ProcessInfo.processInfo.environment).filter { $0.hasPrefix(prefix) }
    }

    /// For SRC arguments (a draft file or a stored id): the ids and the paths that start with what
    /// was typed, since a custom completion replaces the shell's own file completion.
    static let sources = CompletionKind.custom { words, _, prefix in
        storedIDs(words: words, environment: ProcessInfo.processInfo.environment).filter { $0.hasPrefix(prefix) }
            + paths(startingWith: prefix)
    }

    /// The ids in the store the command line names: `--store DIR` typed on it, else the
    /// environment's (`HANDOFF_HOME`, XDG), as the command itself would resolve it.
    static func storedIDs(words: [String], environment: [String: String]) -> [String] {
        StoreLocation.resolve(flag: storeFlag(in: words, environment: environment), environment: environment)
            .storedIDs()
    }

    /// `--store DIR` or `--store=DIR` on the line being completed (the words are as typed, so a
    /// leading `~/` is expanded here).
    static func storeFlag(in words: [String], environment: [String: String]) -> String? {
        var value: String?
        for (index, word) in words.enumerated() {
            if word == "--store", index + 1 < words.count {
                value = words[index + 1]
            } else if word.hasPrefix("--store=") {
                value = String(word.dropFirst("--store=".count))
            }
        }
        guard let value, !value.isEmpty else { return nil }
        if value.hasPrefix("~/"), let home = environment["HOME"] { return home + value.dropFirst() }
        return value
    }

    /// Files and directories (with a trailing `/`) whose path starts with `prefix`.
    static func paths(startingWith prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
                return directory + name + (exists && isDirectory.boolValue ? "/" : "")
            }
    }
}
