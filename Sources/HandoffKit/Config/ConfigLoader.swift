import Foundation

/// Finds and reads `handoff.yaml`.
///
/// Precedence: `--config FILE` when given; else the nearest `handoff.yaml` walking up from the
/// current directory (a project's settings travel with its repository); else
/// `$XDG_CONFIG_HOME/handoff/config.yaml` (default `~/.config/handoff/config.yaml`); else defaults.
public enum ConfigLoader {
    /// The name looked for in the current directory and each directory above it.
    public static let fileName = "handoff.yaml"

    /// The config file that applies, or nil for the defaults.
    public static func discover(
        explicit: String?, currentDirectory: String, environment: [String: String]
    ) -> String? {
        if let explicit { return explicit }
        var directory = currentDirectory
        while true {
            let candidate = directory == "/" ? "/" + fileName : directory + "/" + fileName
            if isFile(candidate) { return candidate }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else { break }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
        let configHome: String?
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configHome = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            configHome = home + "/.config"
        } else {
            configHome = nil
        }
        if let configHome {
            let candidate = configHome + "/handoff/config.yaml"
            if isFile(candidate) { return candidate }
        }
        return nil
    }

    /// True for an existing file (or a link to one), false for a directory of the same name.
    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Reads and decodes the config at `path`.
    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw InvalidInput([
                    InputError(
                        source: path,
                        message: isDirectory.boolValue ? "is a directory, not a config file" : "cannot be read")
                ])
            }
            throw InvalidInput([InputError(source: path, message: "config file not found")])
        }
        return try parse(text: DraftLoader.text(from: [UInt8](data), source: path), source: path)
    }

    /// Decodes config text; an empty file means all defaults.
    public static func parse(text: String, source: String) throws(InvalidInput) -> Configuration {
        let chunks = DocumentSplitter.split(text, source: source)
        guard let chunk = chunks.first else { return Configuration() }
        if chunks.count > 1 {
            throw InvalidInput([
                InputError(
                    source: source, line: chunks[1].firstLine,
                    message: "a config file holds one document; remove the second `---`")
            ])
        }
        let root = try YAMLReader.parse(chunk, source: source)
        var context = DecodeContext(source: source)
        guard case .mapping = root.kind else {
            context.fail(root, "the config is a mapping of settings (jira:, lead_time_days:, systems:, vague_words:)")
            throw InvalidInput(context.errors)
        }
        let configuration = Configuration.decode(root, in: &context) ?? Configuration()
        if !context.errors.isEmpty { throw InvalidInput(context.errors) }
        return configuration
    }
}
