import Testing

/// Hand-written drafts at the edges of the format: every field's shorthands, spellings, letter
/// cases, nulls, numbers where text is expected, wrong types, unknown keys at every level, bad and
/// impossible dates, ids. Each runs through the loader and through the published schema.
struct SchemaProbe: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    /// The verdict the format's contract states, where it states one (the issue's list, unknown
    /// keys, impossible dates); nil where only agreement is asserted.
    var contract: Bool?

    var testDescription: String { name }

    /// `lines` after `format: handoff/1`.
    init(_ name: String, _ lines: String, contract: Bool? = nil) {
        self.name = name
        self.yaml = "format: handoff/1\n" + lines + "\n"
        self.contract = contract
    }

    /// A whole document, `format` line included or not.
    init(whole name: String, _ yaml: String, contract: Bool? = nil) {
        self.name = name
        self.yaml = yaml
        self.contract = contract
    }
}

enum SchemaProbes {
    // PyYAML refuses a `?` inside a flow mapping (`{text: Which workspace?}`), which libyaml and
    // YAML 1.2 parsers read as text: a parser difference, not the schema's, so probes avoid it.

    /// The drafts the issue found refused by the schema although `check` accepts them.
    static let fromTheIssue: [SchemaProbe] = [
        SchemaProbe("personal_data: no", "systems: [{name: Marketo, personal_data: no}]", contract: true),
        SchemaProbe("legal_review: Yes", "compliance: {legal_review: Yes}", contract: true),
        SchemaProbe("legal_review: on", "compliance: {legal_review: on}", contract: true),
        SchemaProbe("deadline: Hard", "timeline: {deadline: Hard}", contract: true),
        SchemaProbe("priority: MUST", "scope: {requirements: [{text: Consent box, priority: MUST}]}", contract: true),
        SchemaProbe("role: Approver", "stakeholders: [{role: Approver, name: Ken Ito}]", contract: true),
        SchemaProbe("answered: \"yes\"", "review: {questions: [{text: Which workspace, answered: \"yes\"}]}", contract: true),
        SchemaProbe("data: email (a scalar for a list)", "systems: [{name: Marketo, data: email}]", contract: true),
        SchemaProbe("acceptance_criteria: one string", "testing: {acceptance_criteria: \"one string\"}", contract: true),
        SchemaProbe("risks: single risk", "risks: single risk", contract: true),
        SchemaProbe("idea: 123", "idea: 123", contract: true),
        SchemaProbe("requester: ~", "requester: ~", contract: true),
        SchemaProbe("personal_data: Off", "systems: [{name: Marketo, personal_data: Off}]", contract: true),
        SchemaProbe("lang: EN", "lang: EN", contract: true),
        SchemaProbe("systems: Marketo", "systems: Marketo", contract: true),
        SchemaProbe("baseline: 0, target: 75%", "success: {metrics: [{name: Sign-ups, baseline: 0, target: 75%}]}", contract: true),
    ]

    static let booleans: [SchemaProbe] = ["yes", "Yes", "YES", "yEs", "no", "NO", "true", "True", "TRUE", "tRuE",
        "false", "on", "ON", "off", "OFF", "y", "Y", "n", "N", "\"yes\"", "'off'", "\"True\"", "1", "0", "2",
        "maybe", "\"\"", "~", "null", "\"null\"", "[yes]", "{a: b}", "yess", "\" yes\"", "|\n      yes", ">-\n      no",
        "\"y\\u0065s\"", "\"\\u212Aes\""]
        .map { SchemaProbe("personal_data: \($0)", "systems:\n  - name: Marketo\n    personal_data: \($0)") }

    static let enumerations: [SchemaProbe] = [
        "deadline: hard", "deadline: SOFT", "deadline: None", "deadline: none", "deadline: \"NONE\"",
        "deadline: firm", "deadline: no", "deadline: false", "deadline: 1", "deadline: [hard]", "deadline: ~",
        "deadline: \"\"", "deadline: \"hard \"", "deadline: h\u{0101}rd",
    ].map { SchemaProbe($0, "timeline: {\($0)}") } + [
        SchemaProbe("lang: Ja", "lang: Ja"), SchemaProbe("lang: de", "lang: de"), SchemaProbe("lang: no", "lang: no"),
        SchemaProbe("lang: 1", "lang: 1"), SchemaProbe("lang: 'en'", "lang: 'en'"),
        SchemaProbe("role: IT_Contact", "stakeholders: [{role: IT_Contact, name: Ops}]"),
        SchemaProbe("role: it contact", "stakeholders: [{role: it contact, name: Ops}]"),
        SchemaProbe("role: owner", "stakeholders: [{role: owner, name: Ken}]", contract: false),
        SchemaProbe("jira: where push put it", "jira: {key: MKT-1, url: 'https://x.example/browse/MKT-1', pushed_revision: 3}", contract: true),
        SchemaProbe("jira.pushed_revision: 3.0", "jira: {key: MKT-1, pushed_revision: 3.0}", contract: true),
        SchemaProbe("jira.pushed_revision: '3.0' (quoted)", "jira: {key: MKT-1, pushed_revision: '3.0'}", contract: false),
        SchemaProbe("role: business-owner", "stakeholders: [{role: business-owner, name: Ken}]"),
        SchemaProbe("priority: Won't", "scope: {requirements: [{text: A, priority: \"Won't\"}]}"),
        SchemaProbe("priority: WONT", "scope: {requirements: [{text: A, priority: WONT}]}"),
        SchemaProbe("legal_review: unsure", "compliance: {legal_review: unsure}"),
        SchemaProbe("legal_review: Not Sure", "compliance: {legal_review: Not Sure}"),
        SchemaProbe("legal_review: UNKNOWN", "compliance: {legal_review: UNKNOWN}"),
        SchemaProbe("legal_review: true", "compliance: {legal_review: true}"),
        SchemaProbe("legal_review: FALSE", "compliance: {legal_review: FALSE}"),
        SchemaProbe("legal_review: y", "compliance: {legal_review: y}"),
        SchemaProbe("legal_review: N", "compliance: {legal_review: N}"),
        SchemaProbe("legal_review: maybe", "compliance: {legal_review: maybe}"),
        SchemaProbe("legal_review: 1", "compliance: {legal_review: 1}"),
        SchemaProbe("legal_review: done", "compliance: {legal_review: done}"),
        // The Kelvin sign lowercases to k in Unicode; the decoder folds ASCII only, as patterns do.
        SchemaProbe("legal_review: un\\u212Anown", "compliance: {legal_review: \"un\\u212Anown\"}"),
        SchemaProbe("role: LEGAL in fullwidth", "stakeholders: [{role: \"ＬＥＧＡＬ\", name: L}]"),
    ]

    /// The kind, the kind-specific details and the operations record.
    static let kindsAndOperations: [SchemaProbe] = [
        SchemaProbe("kind: form", "kind: form", contract: true),
        SchemaProbe("kind: Landing_Page", "kind: Landing_Page", contract: true),
        SchemaProbe("kind: landing page", "kind: landing page", contract: true),
        SchemaProbe("kind: newsletter", "kind: newsletter", contract: false),
        SchemaProbe("kind: [form]", "kind: [form]", contract: false),
        SchemaProbe("operations: {until: permanent}", "operations: {until: permanent}", contract: true),
        SchemaProbe("operations: {until: Permanent}", "operations: {until: Permanent}"),
        SchemaProbe("operations: {until: 恒久}", "operations: {until: 恒久}", contract: true),
        SchemaProbe("operations: {until: 2027-01-31}", "operations: {until: 2027-01-31}", contract: true),
        SchemaProbe("operations: {until: 2027-02-30}", "operations: {until: 2027-02-30}", contract: false),
        SchemaProbe("operations: {until: forever}", "operations: {until: forever}", contract: false),
        SchemaProbe("operations: {until: \" 2027-01-31 \"}", "operations: {until: \" 2027-01-31 \"}"),
        SchemaProbe("security_impact: no", "operations: {security_impact: no}", contract: true),
        SchemaProbe("security_impact: Unsure", "operations: {security_impact: Unsure}", contract: true),
        SchemaProbe("security_impact: maybe", "operations: {security_impact: maybe}", contract: false),
        SchemaProbe("operations: a scalar", "operations: low traffic", contract: false),
        SchemaProbe("details: consent and CAPTCHA", "details: {consent_text: I agree, spam_protection: reCAPTCHA}", contract: true),
        SchemaProbe("details.content_due: tomorrow", "details: {content_due: tomorrow}", contract: false),
    ]

    static let dates: [SchemaProbe] = [
        "2026-12-04", "2026-02-28", "2026-02-29", "2028-02-29", "2000-02-29", "1900-02-29", "2400-02-29",
        "2026-04-31", "2026-04-30", "2026-12-31", "2026-13-01", "2026-00-10", "2026-12-00", "2027-13-45",
        "0000-01-01", "0001-01-01", "9999-12-31", "26-12-04", "2026-1-4", "2026/12/04", "20261204",
        "\"2026-12-04\"", "\" 2026-12-04 \"", "\"2026-12-04\\n\"", "\"2026-12-04\\t\"", "2026-12-04T10:00:00",
        "next Friday", "\"\"", "~", "[2026-12-04]", "2026-12-04 # launch day", "\"２０２６-12-04\"",
    ].map { SchemaProbe("launch: \($0)", "timeline:\n  launch: \($0)") } + [
        SchemaProbe("milestone date 2026-02-30", "timeline: {milestones: [{name: Copy, date: 2026-02-30}]}", contract: false),
        SchemaProbe("milestone shorthand", "timeline: {milestones: [Copy final]}"),
        SchemaProbe("review_on impossible", "success: {metrics: [{name: A, review_on: 2026-09-31}]}", contract: false),
        SchemaProbe("asked_on fine", "review: {questions: [{text: Q, asked_on: 2026-11-02}]}"),
    ]

    static let textWhereTextIsExpected: [SchemaProbe] = [
        "title: 2027", "title: 1.5", "title: -3", "title: 0x1F", "title: 1e3", "title: .inf", "title: .nan",
        "title: true", "title: no", "title: ~", "title: \"\"", "title: \"   \"", "title: [a, b]", "title: {a: b}",
        "title: 12:30", "title: 2026-12-04", "title: =", "title: 007", "idea: |\n  several\n  lines",
        "idea: >\n  folded\n  text", "idea: !!str 123", "requester: 42", "requester: yes", "requester: \"\"",
        "requester: [Aiko]", "requester: {name: 123, email: true, team: ~}",
        "objective: {problem: 30%, business_goal: 2027, why_now: yes, value: 120000}",
        "objective: Grow", "objective: ~", "objective: []",
    ].map { SchemaProbe($0, $0) }

    static let quantities: [SchemaProbe] = [
        "baseline: 0", "baseline: 0.5", "baseline: -2", "baseline: 1e3", "baseline: 75%", "baseline: \"300\"",
        "baseline: yes", "baseline: \"\"", "baseline: ~", "baseline: [1, 2]", "baseline: {value: 1}", "target: 5営業日",
        "target: 0x10", "target: .5",
    ].map { SchemaProbe($0, "success:\n  metrics:\n    - name: Registrations\n      \($0)") }

    static let lists: [SchemaProbe] = [
        "scope: {deliverables: Form}", "scope: {deliverables: [Form, ~, 3]}", "scope: {deliverables: ~}",
        "scope: {deliverables: []}", "scope: {deliverables: [[nested]]}", "scope: {deliverables: {a: b}}",
        "scope: {out_of_scope: [yes, no]}", "scope: {requirements: Consent box}",
        "scope: {requirements: [Consent box, {text: Invite, priority: could}]}",
        "scope: {requirements: [[a]]}", "scope: {requirements: {text: One}}", "systems: []", "systems: ~",
        "systems: [~]", "systems: [Marketo, {name: CMS, change: embed form}]", "systems: [123, true]",
        "systems: [{}]", "systems: {name: Marketo}", "systems: [[Marketo]]", "stakeholders: Ken Ito",
        "stakeholders: [Ken Ito]", "stakeholders: {role: legal, name: Legal desk}", "stakeholders: [~]",
        "risks: [Spam, {text: Spam, mitigation: CAPTCHA}]", "risks: [{mitigation: CAPTCHA}]",
        "testing: {acceptance_criteria: [Given a, ~]}", "testing: {acceptance_criteria: 42}",
        "review: {questions: Which workspace}", "review: {questions: [{by: IT, text: Q, answered: false, answer: ~}]}",
        "review: {questions: [{text: Q, answered: \"no\"}]}", "review: {questions: [{text: Q, answered: 1}]}",
        "systems: [{name: M, data: [name, email, 3]}]", "systems: [{name: M, data: [[email]]}]",
        "success: {metrics: Registrations}", "success: {metrics: [Registrations, {name: Leads, target: 40}]}",
        "success: {kgi: [Pipeline]}",
    ].map { SchemaProbe($0, $0) }

    static let unknownKeys: [SchemaProbe] = [
        "sytems: [Marketo]", "Title: Capital T", "timeline: {lunch: 2026-12-04}", "systems: [{name: M, owner_team: Web}]",
        "scope: {requirements: [{text: A, prio: must}]}", "success: {metrics: [{name: A, goal: 3}]}",
        "requester: {name: Aiko, phone: 123}", "review: {questions: [{text: Q, by_whom: IT}]}",
        "compliance: {legal: yes}", "testing: {criteria: [a]}", "change: {iterations: A/B, budget: 3}",
        "objective: {problem: P, kpi: 3}", "risks: [{text: R, owner: X}]", "stakeholders: [{role: legal, team: L}]",
        "timeline: {milestones: [{name: M, when: 2026-12-01}]}", "1: numeric key", "yes: boolean key", "~: null key",
        "kinds: [form]", "operations: {budget: 3}", "details: {captcha: yes}", "jira: {project: MKT}", "\"title \": trailing space in key",
        "scope: {requirements: [{text: name, e-mail, priority: must}]}",
    ].map { SchemaProbe($0, $0, contract: false) }

    static let identifiers: [SchemaProbe] = [
        "webinar-signup-7f3a", "a", "A.b_c-d", "123", "\"123\"", "007", "\"007\"", "08", "1.5", "1e3", "0x1F",
        "true", "\"true\"", "yes", "y", "null", "\"\"", "-abc", ".hidden", "_x", "has space", "\"a/b\"", "\"ü\"",
        String(repeating: "a", count: 64), String(repeating: "a", count: 65), "[a]", "\"abc\\n\"", "12:30",
    ].map { SchemaProbe("id: \($0.count > 20 ? "\($0.count) letters" : $0)", "id: \($0)") }

    static let documents: [SchemaProbe] = [
        SchemaProbe(whole: "no format line", "title: Missing format\n", contract: false),
        SchemaProbe(whole: "format: handoff/2", "format: handoff/2\ntitle: x\n", contract: false),
        SchemaProbe(whole: "format: ~", "format: ~\ntitle: x\n", contract: false),
        SchemaProbe(whole: "format: \"handoff/1\"", "format: \"handoff/1\"\n"),
        SchemaProbe(whole: "format: HANDOFF/1", "format: HANDOFF/1\n"),
        SchemaProbe(whole: "format only", "format: handoff/1\n", contract: true),
        SchemaProbe(whole: "a list, not a mapping", "- format: handoff/1\n", contract: false),
        SchemaProbe(whole: "a scalar document", "handoff/1\n", contract: false),
        SchemaProbe(whole: "JSON document", "{\"format\": \"handoff/1\", \"title\": \"JSON\", \"systems\": [\"Marketo\"]}\n"),
        SchemaProbe(whole: "JSON with a number title", "{\"format\": \"handoff/1\", \"title\": 12}\n"),
        SchemaProbe(whole: "JSON id number", "{\"format\": \"handoff/1\", \"id\": 12}\n"),
        SchemaProbe(whole: "JSON boolean legal review", "{\"format\": \"handoff/1\", \"compliance\": {\"legal_review\": false}}\n"),
        SchemaProbe("application tag on text", "title: !custom Launch"),
        SchemaProbe("application tag on a boolean", "systems: [{name: M, personal_data: !custom yes}]"),
        SchemaProbe("application tag on an id", "id: !custom 123"),
        SchemaProbe("!!str on an id", "id: !!str 123"),
        SchemaProbe(whole: "merge key", "format: handoff/1\nobjective:\n  <<: {problem: P}\n", contract: false),
        SchemaProbe(whole: "duplicate key", "format: handoff/1\ntitle: a\ntitle: b\n", contract: false),
        SchemaProbe(whole: "anchor and alias", "format: handoff/1\nrequester: &r {name: Aiko}\nstakeholders: [{role: approver, name: Aiko}]\nidea: *r\n"),
    ]

    static var all: [SchemaProbe] {
        fromTheIssue + booleans + enumerations + kindsAndOperations + dates + textWhereTextIsExpected + quantities + lists + unknownKeys
            + identifiers + documents
    }
}
