import Foundation
import Testing

@testable import HandoffKit

@Suite("DraftDiff: fields added, removed and changed between two drafts")
struct DraftDiffTests {
    func diff(_ old: String, _ new: String) -> DraftDiff {
        DraftDiff(old: TestDrafts.load(old), new: TestDrafts.load(new))
    }

    func summary(_ diff: DraftDiff) -> [String] {
        diff.changes.map { change in
            switch change.kind {
            case .added: return "+ \(change.field)"
            case .removed: return "- \(change.field)"
            case .changed: return "~ \(change.field)"
            }
        }
    }

    @Test("a top-level field added, removed and changed, each with its section and values")
    func topLevel() {
        let result = diff(
            "title: Old title\nidea: an idea\n",
            "title: New title\nlang: en\n")
        #expect(summary(result) == ["+ lang", "~ title", "- idea"])
        #expect(result.added == [DraftDiff.Change(kind: .added, field: "lang", section: .idea, old: nil, new: .plain("en"))])
        #expect(result.changed.first?.old == .string("Old title"))
        #expect(result.changed.first?.new == .string("New title"))
        #expect(result.removed.first?.old == .string("an idea"))
        #expect(result.count(.added) == 1 && result.count(.removed) == 1 && result.count(.changed) == 1)
    }

    @Test("nested records compare leaf by leaf: objective.problem, requester.email")
    func nested() {
        let result = diff(
            "objective: {problem: Leads are lost, value: 10 leads}\nrequester: {name: Aiko}\n",
            "objective: {problem: Half the leads are lost, business_goal: Pipeline}\nrequester: {name: Aiko, email: a@example.com}\n")
        #expect(
            summary(result) == [
                "+ requester.email", "~ objective.problem", "+ objective.business_goal", "- objective.value",
            ])
        // The requester is asked in the Idea section of the interview.
        #expect(result.changes.map(\.section) == [.idea, .why, .why, .why])
    }

    @Test("lists of records compare item by item: systems[1].change, scope.requirements[0].priority")
    func listsOfRecords() {
        let result = diff(
            """
            systems:
              - {name: Website CMS, change: embed form}
              - {name: Marketo}
            scope:
              requirements:
                - {text: Form asks name, priority: must}
            """,
            """
            systems:
              - {name: Website CMS, change: embed form}
              - {name: Marketo, change: new program}
              - {name: Salesforce}
            scope:
              requirements:
                - {text: Form asks name, priority: should}
            """)
        #expect(
            summary(result) == [
                "~ scope.requirements[0].priority", "+ systems[1].change", "+ systems[2].name",
            ])
        #expect(result.changed.first?.old == .plain("must"))
        #expect(result.changed.first?.new == .plain("should"))
    }

    @Test("lists of strings compare by position: scope.deliverables[2]")
    func listsOfStrings() {
        let result = diff(
            "scope: {deliverables: [Form, E-mail, Banner]}\n",
            "scope: {deliverables: [Form, Confirmation e-mail]}\n")
        #expect(summary(result) == ["~ scope.deliverables[1]", "- scope.deliverables[2]"])
        #expect(result.removed.first?.old == .string("Banner"))
        #expect(result.changes.allSatisfy { $0.section == .scope })
    }

    @Test("equal drafts have no differences; `format` is not compared")
    func equal() {
        let ready = TestDrafts.ready
        #expect(DraftDiff(old: ready, new: ready).isEmpty)
        var unformatted = ready
        unformatted.format = nil
        #expect(DraftDiff(old: ready, new: unformatted).isEmpty)
        let text = DiffRenderer().text(DraftDiff(old: ready, new: ready), old: "a.yaml", new: "b.yaml")
        #expect(text == "a.yaml → b.yaml\n  no differences\n")
    }

    @Test("differences come in interview order: by section, then in the order the fields are asked")
    func ordering() {
        // In the file, requester comes before objective and testing before title; sections decide.
        let result = diff(
            "idea: x\n",
            """
            testing: {qa_notes: Safari}
            compliance: {legal_review: yes}
            requester: {name: Aiko}
            objective: {business_goal: Pipeline, problem: Lost leads}
            timeline: {launch: 2026-12-04}
            title: A title
            """)
        #expect(
            summary(result) == [
                "+ title", "- idea", "+ requester.name", "+ objective.problem", "+ objective.business_goal",
                "+ compliance.legal_review", "+ timeline.launch", "+ testing.qa_notes",
            ])
        let sections = result.changes.map(\.section)
        #expect(sections == sections.sorted { Section.allCases.firstIndex(of: $0)! < Section.allCases.firstIndex(of: $1)! })
    }

    @Test("from an empty draft everything is added, leaf by leaf; an empty list or map is no field of its own")
    func fromEmpty() {
        let result = DraftDiff(old: Draft(), new: TestDrafts.load("title: T\nscope: {deliverables: [A]}\n"))
        #expect(summary(result) == ["+ title", "+ scope.deliverables[0]"])
        let values = DraftDiff(
            old: .map([Value.Entry("list", .list([])), Value.Entry("map", .map([]))]),
            new: .map([Value.Entry("list", .list([.string("x")])), Value.Entry("map", .map([Value.Entry("k", .bool(true))]))]))
        #expect(summary(values) == ["+ list[0]", "+ map.k"])
        let gone = DraftDiff(old: .map([Value.Entry("list", .list([]))]), new: .map([]))
        #expect(gone.removed.map(\.field) == ["list"])
        #expect(gone.removed.first?.old == .list([]))
    }

    @Test("a removed key keeps its place among the fields that both drafts have")
    func mergedKeyOrder() {
        #expect(DraftDiff.mergedKeys(["a", "b", "c", "d"], ["a", "c", "e"]) == ["a", "b", "c", "d", "e"])
        #expect(DraftDiff.mergedKeys([], ["x", "y"]) == ["x", "y"])
        #expect(DraftDiff.mergedKeys(["x", "y"], []) == ["x", "y"])
    }

    @Test("leaves are flattened with dotted paths and list indexes")
    func leaves() {
        let value = TestDrafts.load("scope: {deliverables: [A, B], requirements: [{text: R, priority: must}]}\n").encoded
        let paths = DraftDiff.leaves(of: value).map(\.field)
        #expect(paths == ["scope.deliverables[0]", "scope.deliverables[1]", "scope.requirements[0].text", "scope.requirements[0].priority"])
    }

    // MARK: Text

    @Test("text groups by section with headings, marks + - ~, and ends with the counts")
    func text() {
        let result = diff(
            "title: Old\nidea: gone\nscope: {deliverables: [Form]}\n",
            "title: New\nscope: {deliverables: [Form, E-mail]}\n")
        let text = DiffRenderer().text(result, old: "old.yaml", new: "-")
        #expect(
            text == """
                old.yaml → <stdin>

                  Idea
                    ~ title: Old → New
                    - idea: gone

                  Scope
                    + scope.deliverables[1]: E-mail

                  3 fields differ: 1 added, 1 removed, 1 changed

                """)
    }

    @Test("section headings follow the language")
    func japaneseHeadings() {
        let result = diff("title: 旧\n", "title: 新\nsystems: [Marketo]\n")
        let text = DiffRenderer(language: .ja).text(result, old: "a", new: "b")
        #expect(text.contains("  アイデア\n"))
        #expect(text.contains("  影響するシステム\n"))
        #expect(text.contains("2項目に差分：追加 1件、削除 0件、変更 1件"))
    }

    @Test("colour: green added, red removed, yellow changed; none when the styler is off")
    func colour() {
        let result = diff("title: Old\nidea: gone\n", "title: New\nlang: ja\n")
        let coloured = DiffRenderer(styler: Styler(enabled: true)).text(result, old: "a", new: "b")
        #expect(coloured.contains("\u{1B}[1;32m+ lang:\u{1B}[0m ja"))
        #expect(coloured.contains("\u{1B}[1;31m- idea:\u{1B}[0m gone"))
        #expect(coloured.contains("\u{1B}[33m~ title:\u{1B}[0m Old"))
        let plain = DiffRenderer().text(result, old: "a", new: "b")
        #expect(!plain.contains("\u{1B}"))
    }

    @Test("terminal control characters in draft text, field values and names are made visible")
    func sanitizing() {
        let result = diff(
            "title: \"Old\\e[2J\"\n",
            "title: \"New\\e]0;pwned\\a\"\nidea: \"line one\\nline two\\u202Eevil\"\n")
        let text = DiffRenderer(styler: Styler(enabled: false)).text(result, old: "a\u{1B}[31m.yaml", new: "b")
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(!text.contains("\u{202E}"))
        #expect(text.contains("~ title: Old^[[2J → New^[]0;pwned^G"))
        #expect(text.contains("+ idea: line one line two<U+202E>evil"))
        #expect(text.hasPrefix("a^[[31m.yaml → b\n"))
    }

    @Test("long values are shortened with an ellipsis; a long edit shows where the texts part")
    func shortening() {
        let renderer = DiffRenderer(valueWidth: 30, lineWidth: 200)
        let long = String(repeating: "word ", count: 20) + "end"
        #expect(TerminalText.width(renderer.shorten(long)) <= 30)
        #expect(renderer.shorten(long).hasSuffix("…"))
        #expect(renderer.shorten("short") == "short")
        let (old, new) = renderer.shorten(long + " of the old text", long + " of the new text")
        #expect(old.hasPrefix("…") && new.hasPrefix("…"))
        #expect(old.contains("old") && new.contains("new"))
        #expect(TerminalText.width(old) <= 30 && TerminalText.width(new) <= 30)
        // Wide characters count two columns.
        let japanese = renderer.shorten(String(repeating: "日本語", count: 10))
        #expect(TerminalText.width(japanese) <= 30)
        #expect(japanese.hasSuffix("…"))
    }

    @Test("a change too long for one line puts the new value below the old one")
    func twoLineChange() {
        let result = diff(
            "idea: \(String(repeating: "a", count: 50))\n", "idea: \(String(repeating: "b", count: 50))\n")
        let text = DiffRenderer().text(result, old: "a", new: "b")
        #expect(text.contains("    ~ idea: \(String(repeating: "a", count: 50))\n          → \(String(repeating: "b", count: 50))\n"))
    }

    @Test("a value that reads the same but is of another kind shows its JSON form")
    func sameTextOtherKind() {
        let result = DraftDiff(
            old: .map([Value.Entry("success", .map([Value.Entry("target", .number("300"))]))]),
            new: .map([Value.Entry("success", .map([Value.Entry("target", .string("300"))]))]))
        #expect(DiffRenderer().text(result, old: "a", new: "b").contains("~ success.target: 300 → \"300\""))
    }

    // MARK: JSON

    @Test("JSON: old, new, added, removed, changed with field, section and JSON values; parses back")
    func json() throws {
        let result = diff(
            "title: Old\nidea: gone\nsuccess: {metrics: [{name: Sign-ups, target: 300}]}\n",
            "title: New\nsystems: [{name: Marketo, personal_data: true}]\nsuccess: {metrics: [{name: Sign-ups, target: 400}]}\n")
        let text = DiffRenderer().json(result, old: "old.yaml", new: "new \u{1B}.yaml")
        #expect(!text.contains("\n"))
        #expect(!text.contains("\u{1B}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["old", "new", "added", "removed", "changed"])
        #expect(object["old"] as? String == "old.yaml")
        #expect(object["new"] as? String == "new \u{1B}.yaml")
        let added = try #require(object["added"] as? [[String: Any]])
        #expect(added.map { $0["field"] as? String } == ["systems[0].name", "systems[0].personal_data"])
        #expect(added.map { $0["section"] as? String } == ["systems", "systems"])
        #expect(added[1]["value"] as? Bool == true)
        let removed = try #require(object["removed"] as? [[String: Any]])
        #expect(removed.count == 1)
        #expect(removed[0]["field"] as? String == "idea")
        #expect(removed[0]["section"] as? String == "idea")
        #expect(removed[0]["value"] as? String == "gone")
        let changed = try #require(object["changed"] as? [[String: Any]])
        #expect(changed.map { $0["field"] as? String } == ["title", "success.metrics[0].target"])
        #expect(changed[1]["section"] as? String == "success")
        #expect(changed[1]["old"] as? Int == 300)
        #expect(changed[1]["new"] as? Int == 400)
        #expect(changed[0]["old"] as? String == "Old" && changed[0]["new"] as? String == "New")
    }

    @Test("JSON of equal drafts has three empty lists")
    func jsonEqual() throws {
        let text = DiffRenderer().json(DraftDiff(old: TestDrafts.ready, new: TestDrafts.ready), old: "a", new: "b")
        #expect(text == #"{"old":"a","new":"b","added":[],"removed":[],"changed":[]}"#)
    }
}

@Suite("Revisions: ID@N and the history of a stored draft")
struct RevisionHistoryTests {
    func temporaryStore() -> (DraftStore, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-review-\(UUID().uuidString)")
        return (DraftStore(location: StoreLocation(root: url.path)), url)
    }

    @Test("ID@N parses; a path-like argument is not a reference; a bad number is an error naming the id")
    func parse() throws {
        #expect(try RevisionRef.parse("webinar-1a2b@3") == RevisionRef(id: "webinar-1a2b", revision: 3))
        #expect(try RevisionRef.parse("webinar-1a2b") == nil)
        #expect(try RevisionRef.parse("drafts/a@b.yaml") == nil)
        let error = try #require(throws: InvalidInput.self) { try RevisionRef.parse("webinar-1a2b@latest") }
        #expect(error.description.contains("'latest' is not a revision number"))
        #expect(throws: InvalidInput.self) { try RevisionRef.parse("webinar-1a2b@0") }
        #expect(throws: InvalidInput.self) { try RevisionRef.parse("webinar-1a2b@") }
    }

    @Test("a revision loads from the journal; a missing one names the revisions that exist")
    func load() throws {
        let (store, url) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: url) }
        var draft = Draft()
        draft.id = "rev-1a2b"
        for title in ["A", "B", "C"] {
            draft.title = title
            try store.save(draft, fields: ["title"], section: "idea")
        }
        #expect(try RevisionRef(id: "rev-1a2b", revision: 2).load(from: store).draft.title == "B")
        let missing = try #require(throws: InvalidInput.self) { try RevisionRef(id: "rev-1a2b", revision: 9).load(from: store) }
        #expect(missing.description == "rev-1a2b@9: rev-1a2b has no revision 9; its revisions are 1–3 (`handoff history rev-1a2b` lists them)")
        let unknown = try #require(throws: InvalidInput.self) { try RevisionRef(id: "nope-0000", revision: 1).load(from: store) }
        #expect(unknown.description.contains("no stored draft with this id"))
        #expect(unknown.description.contains("`handoff drafts`"))
        #expect(RevisionRef.ranges([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8")
    }

    @Test("history entries: the journal's fields and their sections; a seeded or empty save falls back to the diff")
    func entries() throws {
        let (store, url) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: url) }
        var draft = Draft()
        draft.id = "hist-1a2b"
        draft.title = "Seeded"
        draft.idea = "An idea"
        try store.save(draft, fields: ["from"])
        draft.requester.name = "Aiko"
        draft.objective.problem = "Lost leads"
        try store.save(draft, fields: ["requester.name", "objective.problem"], section: "people")
        try store.save(draft, fields: [], section: "people")
        let entries = HistoryEntry.entries(store.revisions("hist-1a2b"))
        #expect(entries.map(\.revision) == [1, 2, 3])
        #expect(entries[0].fields == ["title", "idea"])
        #expect(entries[0].sections == [.idea])
        #expect(entries[0].section == nil)
        #expect(entries[1].fields == ["requester.name", "objective.problem"])
        #expect(entries[1].sections == [.idea, .why])
        #expect(entries[2].fields == [])
        #expect(entries[2].sections == [.people])

        let renderer = HistoryRenderer()
        let lines = renderer.text(id: "hist-1a2b", title: "Seeded", entries: entries).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0] == "hist-1a2b  Seeded")
        #expect(lines[2].hasSuffix("Idea, Why  requester.name, objective.problem"))
        #expect(lines[3].hasSuffix("People     (saved, no change)"))
        #expect(lines[4] == "  3 revisions, times in UTC")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(renderer.json(entries[1]).utf8)) as? [String: Any])
        #expect(json["revision"] as? Int == 2)
        #expect(json["section"] as? String == "people")
        #expect(json["sections"] as? [String] == ["idea", "why"])
        #expect(json["fields"] as? [String] == ["requester.name", "objective.problem"])
        #expect((json["at"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("many fields are shortened to the first few and +N more")
    func fieldList() {
        let renderer = HistoryRenderer(fieldLimit: 2)
        #expect(renderer.fieldList(["a", "b", "c", "d"]) == "a, b +2 more")
        #expect(renderer.fieldList(["a", "b"]) == "a, b")
        #expect(HistoryRenderer(language: .ja, fieldLimit: 1).fieldList(["a", "b"]) == "a ほか1件")
    }

    @Test("journal times shorten to YYYY-MM-DD HH:MM in UTC")
    func shortTime() {
        #expect(HistoryEntry.shortTime("2026-11-20T10:22:33Z") == "2026-11-20 10:22")
        #expect(HistoryEntry.shortTime("2026-11-20T10:22:33.123Z") == "2026-11-20 10:22")
        #expect(HistoryEntry.shortTime("2026-11-20T01:30:00+09:00") == "2026-11-19 16:30")
        #expect(HistoryEntry.shortTime("2026-12-31T23:30:00-0100") == "2027-01-01 00:30")
        #expect(HistoryEntry.shortTime("yesterday") == "yesterday")
    }
}

@Suite("DraftDiff: field order from the model")
struct DraftDiffOrderTests {
    @Test("paths split into keys and indexes")
    func steps() {
        #expect(DraftDiff.steps(of: "systems[1].data[0]") == [.key("systems"), .index(1), .key("data"), .index(0)])
        #expect(DraftDiff.steps(of: "title") == [.key("title")])
    }

    @Test("positions follow the model's field order, through lists and short forms")
    func positions() {
        let schema = DraftDiff.draftSchema
        let problem = DraftDiff.position(of: "objective.problem", in: schema)
        let goal = DraftDiff.position(of: "objective.business_goal", in: schema)
        #expect(problem.lexicographicallyPrecedes(goal))
        let name = DraftDiff.position(of: "systems[1].name", in: schema)
        let change = DraftDiff.position(of: "systems[1].change", in: schema)
        let nextName = DraftDiff.position(of: "systems[2].name", in: schema)
        #expect(name.lexicographicallyPrecedes(change) && change.lexicographicallyPrecedes(nextName))
        #expect(!name.contains(Int.max) && !change.contains(Int.max))
        #expect(DraftDiff.position(of: "success.metrics[0].review_on", in: schema).allSatisfy { $0 != Int.max })
        #expect(DraftDiff.position(of: "nonsense.key", in: schema).first == Int.max)
    }
}
