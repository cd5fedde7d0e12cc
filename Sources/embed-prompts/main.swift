import Foundation

// embed-prompts OUTPUT ROOT FILE...: writes a Swift file holding each FILE's text, keyed by its
// path relative to ROOT (e.g. "en/idea.yaml"). Run by the EmbedPrompts build plugin.
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: embed-prompts OUTPUT ROOT FILE...\n".utf8))
    exit(2)
}
let output = arguments[1]
let root = arguments[2].hasSuffix("/") ? arguments[2] : arguments[2] + "/"

func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

var source = "// Generated at build time by embed-prompts from prompts/; edit the YAML files, not this.\n"
source += "enum EmbeddedPrompts {\n    static let files: [(path: String, text: String)] = [\n"
for path in arguments.dropFirst(3).sorted() {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("embed-prompts: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    source += "        (" + literal(relative) + ", " + literal(text) + "),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-prompts: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
