import Testing

@testable import HandoffKit

extension Rules {
    /// The draft's free text, collected field by field, is what walking its encoded tree gives:
    /// the same texts, paths and order, over generated drafts that reach every field.
    @Suite("Free text of a draft")
    struct FreeTextTests {
        /// The walk the rules used before: encode the draft, then take every string.
        static func reference(_ draft: Draft) -> [(field: String, text: String)] {
            var texts: [(field: String, text: String)] = []
            func walk(_ value: Value, _ path: String) {
                switch value {
                case .string(let text): texts.append((path, text))
                case .list(let items):
                    for (index, item) in items.enumerated() { walk(item, "\(path)[\(index)]") }
                case .map(let entries):
                    for entry in entries
                    where !["format", "id", "lang", "email", "role", "priority", "deadline", "legal_review"].contains(entry.key) {
                        walk(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)")
                    }
                default: break
                }
            }
            walk(draft.encoded, "")
            return texts
        }

        /// The drafts that load from `count` generated YAML documents.
        static func generated(_ count: Int, seed: UInt64) throws -> [Draft] {
            var generator = DraftGenerator(seed: seed)
            var drafts: [Draft] = []
            for _ in 0..<count {
                let yaml = try generator.draft()
                for case .success(let draft) in DraftLoader.load(text: yaml, source: "test.yaml", requireFormat: false) {
                    drafts.append(draft.draft)
                }
            }
            return drafts
        }

        @Test("generated drafts give the texts of their encoded tree")
        func generatedDrafts() throws {
            let loaded = [TestDrafts.ready, TestDrafts.japanese] + (try Self.generated(300, seed: 0x5EED_0F7E))
            #expect(loaded.count > 60)
            var texts = 0
            for draft in loaded {
                let fast = draft.freeText()
                let slow = Self.reference(draft)
                #expect(fast.map(\.field) == slow.map(\.field))
                #expect(fast.map(\.text) == slow.map(\.text))
                texts += slow.count
            }
            #expect(texts > loaded.count)
        }

        @Test("the walk without paths hands over the same texts in the same order, and names any of them after")
        func unnamedWalkThenNames() throws {
            let drafts = [TestDrafts.ready, TestDrafts.japanese, Draft()] + (try Self.generated(200, seed: 0x0A11_7E47))
            #expect(drafts.count > 40)
            var named = 0
            for (number, draft) in drafts.enumerated() {
                let expected = draft.freeText()
                var texts: [String] = []
                draft.visitFreeTextUnnamed { texts.append($0) }
                #expect(texts == expected.map(\.text))
                // Every third text, and none: the second walk names exactly the ones asked for.
                let ordinals = Array(stride(from: number % 3, to: texts.count, by: 3))
                #expect(draft.freeTextFields(at: ordinals) == ordinals.map { expected[$0].field })
                #expect(draft.freeTextFields(at: []).isEmpty)
                named += ordinals.count
            }
            #expect(named > drafts.count)
        }

        @Test("the plan of a draft lays out every field itself: none is left to its own walk")
        func planLaysOutEveryField() {
            // A field of a type the plan does not know would still be walked right, by its own
            // closure, but at the cost the plan removes.
            #expect(FreeTextPlan.draft.fieldWalks.isEmpty)
        }

        @Test("a text told from its first bytes to start visibly is never blank")
        func visibleStart() {
            let vocabulary = ["\u{3000}", "\u{3000}x", "日本", "かな", "ｱ", "\u{85}", "\u{2028}", "\u{3001}", "ー"]
            var visible = 0
            for text in ScanEquivalenceInputs.texts(1000, vocabulary: vocabulary, seed: 5) + vocabulary where text.startsVisibly {
                let blank = text.allSatisfy { $0.isWhitespace }
                #expect(!blank, "\(text.debugDescription)")
                visible += 1
            }
            #expect(visible > 100)
            let visibleStarts = ["a", "未定", "かな", "「x」", "\u{3001}"].filter { $0.startsVisibly }
            #expect(visibleStarts.count == 5)
            // White space, or a start the bytes alone do not settle, is left to `isEmptyValue`.
            let unsettled = ["", " ", "\u{3000}", "\u{3000}未定", "é", "\u{200B}x"].filter { $0.startsVisibly }
            #expect(unsettled.isEmpty)
        }

        @Test("an item holding only a left-out field keeps its place in the numbering; an empty item does not")
        func leftOutFieldsCount() {
            var emailOnly = Stakeholder()
            emailOnly.email = "it@example.com"
            var named = Stakeholder()
            named.name = "Legal team"
            let draft = TestDrafts.ready.with { $0.stakeholders = [emailOnly, Stakeholder(), named] }
            let texts = draft.freeText()
            #expect(texts.contains { $0.field == "stakeholders[1].name" && $0.text == "Legal team" })
            #expect(!texts.contains { $0.field.hasPrefix("stakeholders[0]") || $0.field.hasPrefix("stakeholders[2]") })
            #expect(texts.map(\.field) == Self.reference(draft).map(\.field))
        }

        @Test("a field is read at its offset as its key path reads it; a computed property through the key path")
        func readsLikeTheKeyPath() {
            var requirement = Requirement()
            requirement.text = "Send the coupon by e-mail"
            for draft in [TestDrafts.ready, TestDrafts.japanese, Draft()] {
                #expect(StoredProperty.reader(\Draft.title)(draft) == draft.title)
                #expect(StoredProperty.reader(\Draft.scope.requirements)(draft) == draft.scope.requirements)
                #expect(StoredProperty.reader(\Draft.timeline)(draft) == draft.timeline)
                #expect(StoredProperty.reader(\Draft.timeline.launch)(draft) == draft.timeline.launch)
                #expect(StoredProperty.reader(\Draft.scope.requirements.count)(draft) == draft.scope.requirements.count)
            }
            #expect(StoredProperty.reader(\Requirement.text)(requirement) == "Send the coupon by e-mail")
            // Both ways of reading are exercised above.
            #expect(MemoryLayout<Draft>.offset(of: \Draft.timeline.launch) != nil)
            #expect(MemoryLayout<Draft>.offset(of: \Draft.scope.requirements.count) == nil)
        }
    }
}
