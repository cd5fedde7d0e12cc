/// A prompt question's `when`: a condition in words (`systems.personal_data == true`, see
/// `Condition`), or the kinds of request the question belongs to (`{kind: [form, landing_page]}`),
/// so an e-mail campaign is never asked about its form.
public enum QuestionCondition: DraftCodable, Hashable {
    case expression(String)
    case kinds([RequestKind])

    /// A scalar is taken as an expression, checked later by `Condition.parse`; a mapping must be
    /// `{kind: [...]}` with known, distinct kinds (a single kind counts as a list of one).
    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> QuestionCondition? {
        switch node.kind {
        case .scalar(let text, _):
            return .expression(text)
        case .sequence:
            context.fail(node, "expected a condition (PATH, not PATH, PATH == VALUE) or {kind: [...]}, found a list")
            return nil
        case .mapping(let pairs):
            var kinds: [RequestKind]?
            for pair in pairs {
                guard pair.key.scalarText == "kind" else {
                    context.unknownKey(
                        pair.key.scalarText ?? "?", at: pair.key, valid: ["kind"], container: "a question's condition")
                    continue
                }
                kinds = context.at(.key("kind")) { context -> [RequestKind] in
                    let items: [DocNode]
                    if case .sequence(let list) = pair.value.kind { items = list } else { items = [pair.value] }
                    var found: [RequestKind] = []
                    for (index, item) in items.enumerated() {
                        guard let kind = context.at(.index(index), { RequestKind.decode(item, in: &$0) }) else { continue }
                        if found.contains(kind) {
                            context.at(.index(index)) { $0.fail(item, "'\(kind.rawValue)' is listed twice; keep one") }
                        } else {
                            found.append(kind)
                        }
                    }
                    if items.isEmpty {
                        context.fail(pair.value, "names no kind; list the kinds the question is for (\(RequestKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return found
                }
            }
            guard let kinds else {
                context.fail(node, "a condition mapping needs `kind: [...]`, the kinds the question is for")
                return nil
            }
            return .kinds(kinds)
        }
    }

    /// The expression as a string, or `{kind: [...]}`.
    public var encoded: Value {
        switch self {
        case .expression(let text): return .string(text)
        case .kinds(let kinds): return .map([Value.Entry("kind", .list(kinds.map(\.encoded)))])
        }
    }

    /// A string, or an object with a `kind` list.
    public static var schema: Value {
        .object([
            (
                "anyOf",
                .list([
                    .object([("type", .string("string"))]),
                    .object([
                        ("type", .string("object")),
                        ("properties", .map([Value.Entry("kind", .object([("type", .string("array")), ("items", RequestKind.schema)]))])),
                        ("additionalProperties", .bool(false)),
                    ]),
                ])
            )
        ])
    }

    /// Any scalar, or an object whose `kind` (required) is a list of request kinds.
    public static var inputSchema: Value {
        .object([
            (
                "anyOf",
                .list([
                    String.inputSchema,
                    .object([
                        ("type", .string("object")),
                        ("properties", .map([Value.Entry("kind", SchemaFragment.list(of: RequestKind.inputSchema))])),
                        ("required", .list([.string("kind")])),
                        ("additionalProperties", .bool(false)),
                    ]),
                ])
            )
        ])
    }
}

extension Condition {
    /// The condition `when` stands for; a condition in words is parsed and checked as ever.
    public static func parse(_ when: QuestionCondition) throws(ParseError) -> Condition {
        switch when {
        case .expression(let text): return try parse(text)
        case .kinds(let kinds):
            guard !kinds.isEmpty else { throw ParseError(message: "names no kind") }
            return Condition(path: "kind", test: .oneOf(kinds.map(\.rawValue)))
        }
    }
}
