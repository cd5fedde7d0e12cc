import Foundation
import Testing

@testable import HandoffKit

/// The interview's prompt packs: the embedded English and Japanese ones are complete and in step,
/// and a broken pack is refused with errors that name the file and the problem.
@Suite("PromptPack")
struct PromptPackTests {
    static func pack(_ language: Language) -> PromptPack {
        do { return try PromptPackLoader.embedded(language) } catch {
            Issue.record("embedded \(language) pack did not load: \(error)")
            return PromptPack(language: language, version: "", sections: [])
        }
    }

    /// The embedded files of one language, by file name.
    static func embeddedFiles(_ language: Language) -> [String: String] {
        var files: [String: String] = [:]
        for file in PromptFiles.embedded where file.path.hasPrefix(language.rawValue + "/") {
            files[String(file.path.dropFirst(language.rawValue.count + 1))] = file.text
        }
        return files
    }

    /// Every question of a pack with its fields, depth first, with the section it is in.
    static func allQuestions(_ pack: PromptPack) -> [(section: String, path: String, question: PromptQuestion)] {
        var all: [(section: String, path: String, question: PromptQuestion)] = []
        for section in pack.sections {
            let name = section.section ?? ""
            for question in section.questions {
                let id = question.id ?? ""
                all.append((name, id, question))
                for field in question.fields {
                    all.append((name, id + "." + (field.id ?? ""), field))
                }
            }
        }
        return all
    }

    static func containsJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (0x3040...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
        }
    }

    // MARK: - The embedded packs

    @Test("both embedded packs load, with every section in interview order", arguments: [Language.en, .ja])
    func loads(_ language: Language) throws {
        let pack = try PromptPackLoader.embedded(language)
        #expect(pack.language == language)
        #expect(pack.version == "1")
        #expect(pack.sections.map(\.section) == PromptPack.sectionOrder.map(\.rawValue))
        #expect(pack.sections.allSatisfy { !$0.questions.isEmpty })
    }

    @Test("the embedded packs are the files in prompts/", arguments: [Language.en, .ja])
    func embeddedMatchesSource(_ language: Language) throws {
        let directory = TestDrafts.repositoryRoot.appendingPathComponent("prompts").appendingPathComponent(language.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let embedded = Self.embeddedFiles(language)
        #expect(embedded.keys.sorted() == names)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(embedded[name] == text, "\(language.rawValue)/\(name) differs from the embedded copy")
        }
    }

    @Test("English and Japanese are in step")
    func inStep() {
        let en = Self.pack(.en)
        let ja = Self.pack(.ja)
        #expect(PromptPackLoader.compare(en, ja) == [])
        #expect(PromptPackLoader.compare(ja, en) == [])
        #expect(Self.embeddedFiles(.en).keys.sorted() == Self.embeddedFiles(.ja).keys.sorted())

        let left = Self.allQuestions(en)
        let right = Self.allQuestions(ja)
        #expect(left.count == right.count)
        for (a, b) in zip(left, right) {
            #expect(a.section == b.section)
            #expect(a.path == b.path)
            #expect(a.question.questionType == b.question.questionType, "\(a.path)")
            #expect(a.question.isRequired == b.question.isRequired, "\(a.path)")
            #expect(a.question.when == b.question.when, "\(a.path)")
            #expect(a.question.suggest == b.question.suggest, "\(a.path)")
            #expect(a.question.choices.map(\.value) == b.question.choices.map(\.value), "\(a.path)")
            #expect(a.question.probes.map(\.when) == b.question.probes.map(\.when), "\(a.path)")
            #expect(a.question.probes.map(\.minWords) == b.question.probes.map(\.minWords), "\(a.path)")
        }
    }

    @Test("compare names the section where languages differ")
    func compareFindsDifferences() throws {
        let en = Self.pack(.en)
        var ja = Self.pack(.ja)
        let timeline = try #require(ja.sections.firstIndex { $0.section == "timeline" })
        ja.sections[timeline].questions.removeLast()
        let problems = PromptPackLoader.compare(en, ja)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("section timeline: en asks") == true, "\(problems)")
        #expect(problems.first?.contains("timeline.milestones:records") == true)

        var reordered = Self.pack(.ja)
        let scope = try #require(reordered.sections.firstIndex { $0.section == "scope" })
        reordered.sections[scope].questions.swapAt(0, 2)
        #expect(PromptPackLoader.compare(en, reordered).count == 1)

        var retyped = Self.pack(.ja)
        let people = try #require(retyped.sections.firstIndex { $0.section == "people" })
        retyped.sections[people].questions[1].choices.removeLast()
        #expect(PromptPackLoader.compare(en, retyped).first?.contains("section people") == true)
    }

    @Test("every question has text, why and example; every section a title and intro", arguments: [Language.en, .ja])
    func complete(_ language: Language) {
        let pack = Self.pack(language)
        for section in pack.sections {
            #expect(!section.title.isBlank, "\(section.section ?? "?")")
            #expect(!section.intro.isBlank, "\(section.section ?? "?")")
        }
        let questions = Self.allQuestions(pack)
        #expect(questions.count > 40)
        for (_, path, question) in questions {
            #expect(!question.text.isBlank, "\(language.rawValue) \(path): text")
            #expect(!question.why.isBlank, "\(language.rawValue) \(path): why")
            #expect(!question.example.isBlank, "\(language.rawValue) \(path): example")
            if question.questionType == .records {
                #expect(!question.fields.isEmpty, "\(path)")
                #expect(!question.item.isBlank, "\(path): item")
            }
            if question.questionType == .choice {
                #expect(!question.choices.isEmpty, "\(path)")
                #expect(question.choices.allSatisfy { !$0.label.isBlank }, "\(path)")
            }
            for probe in question.probes where probe.when != .vague {
                #expect(!probe.text.isBlank, "\(path): a \(probe.when?.rawValue ?? "?") probe needs its text")
            }
        }
    }

    @Test("every Japanese question is written in Japanese")
    func japaneseIsJapanese() {
        let pack = Self.pack(.ja)
        for section in pack.sections {
            #expect(Self.containsJapanese(section.title ?? ""), "\(section.section ?? "?") title")
            #expect(Self.containsJapanese(section.intro ?? ""), "\(section.section ?? "?") intro")
        }
        for (_, path, question) in Self.allQuestions(pack) {
            #expect(Self.containsJapanese(question.text ?? ""), "\(path): \(question.text ?? "")")
            #expect(Self.containsJapanese(question.why ?? ""), "\(path): \(question.why ?? "")")
            for probe in question.probes {
                if let text = probe.text { #expect(Self.containsJapanese(text), "\(path) probe") }
            }
            for choice in question.choices {
                #expect(Self.containsJapanese(choice.label ?? ""), "\(path) choice \(choice.value ?? "")")
            }
        }
    }

    @Test("no English question is left in Japanese")
    func englishIsEnglish() {
        for (_, path, question) in Self.allQuestions(Self.pack(.en)) {
            #expect(!Self.containsJapanese((question.text ?? "") + (question.why ?? "")), "\(path)")
        }
    }

    // MARK: - Broken packs

    /// Loads the embedded English files with one file changed (or removed with nil).
    private func loadChanged(_ name: String, _ change: (String) -> String?) -> [InputError] {
        var files = Self.embeddedFiles(.en)
        files[name] = files[name].flatMap(change)
        do {
            _ = try PromptPackLoader.load(files: files, language: .en, origin: "custom")
            Issue.record("the changed pack loaded")
            return []
        } catch {
            return error.errors
        }
    }

    @Test("the unchanged files load")
    func unchangedLoads() throws {
        let pack = try PromptPackLoader.load(files: Self.embeddedFiles(.en), language: .en, origin: "custom")
        #expect(pack.sections.count == PromptPack.sectionOrder.count)
    }

    @Test("an unknown key is refused, naming the file, line and key")
    func unknownKey() throws {
        let errors = loadChanged("timeline.yaml") { $0.replacingOccurrences(of: "intro:", with: "colour: red\nintro:") }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.source == "custom/timeline.yaml")
        #expect(error.line == 3)
        #expect(error.message.contains("unknown key 'colour'"), "\(error.message)")
        #expect(error.description.contains("custom/timeline.yaml"))
    }

    @Test("an unknown key inside a question names the question's field")
    func unknownQuestionKey() throws {
        let errors = loadChanged("why.yaml") { $0.replacingOccurrences(of: "    type: long_text\n", with: "    type: long_text\n    requird: true\n") }
        let error = try #require(errors.first)
        #expect(error.source == "custom/why.yaml")
        #expect(error.message.contains("unknown key 'requird'"))
        #expect(error.message.contains("Did you mean 'required'?"))
        #expect(error.field?.hasPrefix("questions[0]") == true, "\(error)")
    }

    @Test("a missing section file is refused, naming the file")
    func missingFile() throws {
        let errors = loadChanged("risks.yaml") { _ in nil }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.source == "custom/risks.yaml")
        #expect(error.message.contains("missing"))
    }

    @Test("a question id that is not a draft field is refused")
    func unknownField() throws {
        let errors = loadChanged("timeline.yaml") { $0.replacingOccurrences(of: "id: timeline.launch", with: "id: timeline.lunch") }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.source == "custom/timeline.yaml")
        #expect(error.field == "questions[0]")
        #expect(error.message == "'timeline.lunch' is not a draft field (see `handoff schema`)")
    }

    @Test("a bad condition is refused, naming the question's when")
    func badCondition() throws {
        let errors = loadChanged("timeline.yaml") {
            $0.replacingOccurrences(of: "when: timeline.deadline != none", with: "when: timeline.deadline = none")
        }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.source == "custom/timeline.yaml")
        #expect(error.field == "questions[2].when")
        #expect(error.message.contains("is not a condition"), "\(error.message)")

        let unknownPath = loadChanged("people.yaml") {
            $0.replacingOccurrences(of: "when: systems.personal_data == true", with: "when: systems.personal == true")
        }
        #expect(unknownPath.first?.field == "questions[1].when")
        #expect(unknownPath.first?.message.contains("'systems.personal' is not a draft field") == true)
    }

    @Test("a type that does not fit its field, and a choice value outside the field, are refused")
    func typeAndChoice() throws {
        let retyped = loadChanged("timeline.yaml") {
            $0.replacingOccurrences(of: "id: timeline.launch\n    type: date", with: "id: timeline.launch\n    type: number")
        }
        #expect(retyped.first?.message == "'timeline.launch' is a date field; a number question cannot fill it")

        let choice = loadChanged("timeline.yaml") { $0.replacingOccurrences(of: "{value: soft,", with: "{value: sometime,") }
        #expect(choice.first?.message.contains("choice 'sometime' is not one of hard, soft, none") == true, "\(choice)")
        #expect(choice.first?.source == "custom/timeline.yaml")
    }

    @Test("a file that says the wrong section, a question asked twice, a YAML error")
    func otherProblems() throws {
        let wrongSection = loadChanged("why.yaml") { $0.replacingOccurrences(of: "section: why", with: "section: idea") }
        #expect(wrongSection.first?.message == "says 'idea' but the file is for 'why'")
        #expect(wrongSection.first?.source == "custom/why.yaml")

        let twice = loadChanged("testing.yaml") {
            $0.replacingOccurrences(of: "id: testing.qa_notes", with: "id: testing.acceptance_criteria")
        }
        #expect(twice.contains { $0.message == "'testing.acceptance_criteria' is asked twice in this section" }, "\(twice)")

        let broken = loadChanged("idea.yaml") { $0 + "\n  - id: [unclosed\n" }
        let error = try #require(broken.first)
        #expect(error.source == "custom/idea.yaml")
        #expect(error.line != nil)
    }

    @Test("errors from several files are all reported")
    func severalErrors() {
        var files = Self.embeddedFiles(.en)
        files["risks.yaml"] = nil
        files["people.yaml"] = files["people.yaml"]?.replacingOccurrences(of: "intro:", with: "colour: red\nintro:")
        do {
            _ = try PromptPackLoader.load(files: files, language: .en, origin: "custom")
            Issue.record("loaded")
        } catch {
            #expect(Set(error.errors.map(\.source)) == ["custom/risks.yaml", "custom/people.yaml"])
        }
    }
}

@Suite("Embedded packs pass full validation")
struct EmbeddedPackValidationTests {
    @Test("the packs compiled into the binary pass every check prompts check makes", arguments: Language.allCases)
    func fullValidation(_ language: Language) throws {
        let prefix = language.rawValue + "/"
        var files: [String: String] = [:]
        for file in PromptFiles.embedded where file.path.hasPrefix(prefix) { files[String(file.path.dropFirst(prefix.count))] = file.text }
        let pack = try PromptPackLoader.load(files: files, language: language, origin: "embedded", validating: true)
        #expect(pack.sections.count == PromptPack.sectionOrder.count)
    }
}
