/// Language of the interview, of rendered headings and of readiness messages.
public enum Language: String, DraftEnum {
    case en, ja
    public static let valueName = "language"
}

/// What a stakeholder does in the request.
public enum Role: String, DraftEnum {
    case businessOwner = "business_owner"
    case approver
    case itContact = "it_contact"
    case legal, security, sales, finance, other
    public static let valueName = "stakeholder role"
}

/// MoSCoW priority of a requirement.
public enum Priority: String, DraftEnum {
    case must, should, could, wont
    public static let valueName = "requirement priority"
}

/// How firm the launch date is.
public enum DeadlineKind: String, DraftEnum {
    case hard, soft, none
    public static let valueName = "deadline kind"
}

/// Whether Legal has reviewed the use of personal data and disclosures.
public enum LegalReview: String, DraftEnum {
    case yes, no, unsure
    public static let valueName = "legal review answer"

    /// YAML reads a bare `yes`/`no` as a boolean, so booleans are accepted too.
    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> LegalReview? {
        if case .scalar(let text, _) = node.kind {
            switch text.lowercased() {
            case "yes", "true", "y", "on": return .yes
            case "no", "false", "n", "off": return .no
            case "unsure", "unknown", "not sure": return .unsure
            default: break
            }
        }
        context.fail(
            node, "\(describe(node)) is not a legal review answer. Valid: yes, no, unsure (true and false also work).",
            japanese: "\(describe(node)) は法務確認の答えとして使えません。yes、no、unsure のどれかを書いてください（true / false も可）。")
        return nil
    }

    public static var schema: Value {
        .object([
            (
                "anyOf",
                .list([
                    .object([("type", .string("string")), ("enum", .list(allCases.map { .string($0.rawValue) }))]),
                    .object([("type", .string("boolean"))]),
                ])
            )
        ])
    }
}
