import Testing

@testable import HandoffKit

/// A JSON draft that does not parse is described in JSON's words, and a line cut short says so,
/// at the place where the text ends.
@Suite("JSON errors in JSON's words")
struct JSONErrorWordingTests {
    /// A draft line as a pipeline sends it: nested objects, an array, Japanese, an escape.
    static let line = #"{"format":"handoff/1","lang":"ja","title":"春のキャンペーン \"第2弾\"","#
        + #""systems":[{"name":"Marketo","owner":"MOps"}],"timeline":{"launch":"2026-12-04"},"budget":1200}"#

    private func onlyError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        let found = TestDrafts.errors(text)
        guard found.count == 1 else {
            Issue.record("expected one error, got \(found.count): \(found)", sourceLocation: sourceLocation)
            return nil
        }
        return found[0]
    }

    @Test("the line cut after every character is not valid JSON, cut short, where the text ends")
    func cutAtEveryCharacter() throws {
        let scalars = Array(Self.line.unicodeScalars)
        // From 2 on: "{" alone, or "{" and a space, is not yet recognisably JSON.
        for length in 2..<scalars.count {
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: scalars[..<length])
            let text = String(cut) + "\n"
            guard let error = onlyError(text) else { continue }
            #expect(error.message.hasPrefix("not valid JSON: "), "cut at \(length): \(error.message)")
            #expect(!error.message.contains("YAML"), "cut at \(length): \(error.message)")
            for yamlWord in ["scalar", "flow mapping", "flow sequence", "end of stream", "node content"] {
                #expect(!error.message.contains(yamlWord), "cut at \(length): \(error.message)")
            }
            #expect(error.message.hasSuffix("was the line cut short?"), "cut at \(length): \(error.message)")
            #expect(error.line == 1, "cut at \(length)")
            #expect(error.column == length + 1, "cut at \(length): column \(String(describing: error.column))")
            #expect(error.japanese?.hasPrefix("JSON として読めません：") == true, "cut at \(length)")
            #expect(error.japanese?.hasSuffix("行が途中で切れていませんか？") == true, "cut at \(length)")
            #expect(error.japanese?.contains("cut short") == false, "cut at \(length)")
        }
    }

    @Test("a JSON error in the middle of the line is not called cut short")
    func errorInTheMiddle() throws {
        let error = try #require(onlyError(#"{"title": "a" "lang": "en"}"# + "\n"))
        #expect(error.message.hasPrefix("not valid JSON: "))
        #expect(error.message.contains("an object that starts on line 1, column 1"), "\(error.message)")
        #expect(!error.message.contains("cut short"), "\(error.message)")
        #expect(error.line == 1)
        #expect(error.column == 15)
    }

    @Test("text after the object closes is named as such")
    func textAfterTheObject() throws {
        let error = try #require(onlyError(#"{"title":"a"}}"# + "\n"))
        #expect(error.message == "not valid JSON: there is more text after the object closes", "\(error.message)")
        #expect(error.column == 14)
    }

    @Test("YAML, flow mappings included, keeps YAML's words")
    func yamlStaysYAML() throws {
        let flow = try #require(onlyError("{a: [1, 2}\n"))
        #expect(flow.message.hasPrefix("not valid YAML: "), "\(flow.message)")
        #expect(flow.message.contains("flow sequence"), "\(flow.message)")
        let block = try #require(onlyError("title: \"unclosed\n"))
        #expect(block.message.hasPrefix("not valid YAML: "), "\(block.message)")
        #expect(!block.message.contains("cut short"), "\(block.message)")
    }

    @Test("the end of a text is counted in Unicode scalars, up to its final line breaks")
    func endOfText() throws {
        let crlf = try #require(JSONWording.endOfText("{\"a\":\r\n\"日本\" \r\n\r\n"))
        #expect(crlf.line == 2)
        #expect(crlf.column == 6)
        let spaces = try #require(JSONWording.endOfText("{\"a\":\n  \n"))
        #expect(spaces.line == 2)
        #expect(spaces.column == 3)
        #expect(JSONWording.endOfText("\n\r\n") == nil)
    }

    @Test("a JSON draft that does not parse is described in the language it states")
    func statedLanguage() throws {
        let japanese = try #require(TestDrafts.errors(#"{"format":"handoff/1", "lang" : "ja","title":"春"# + "\n").first)
        #expect(japanese.japanese?.hasPrefix("JSON として読めません：") == true)
        let loaded = DraftLoader.load(text: #"{"lang":"ja","title":"春"# + "\n", source: "test.jsonl", requireFormat: false)
        guard case .failure(let invalid) = try #require(loaded.first) else {
            Issue.record("a cut draft loaded")
            return
        }
        #expect(invalid.language == .ja)
        #expect(YAMLReader.statedLanguage(#"{"title":"lang","lang":"en"}"#) == .en)
        #expect(YAMLReader.statedLanguage(#"{"title":"\"lang\" is not a key here"}"#) == nil)
        #expect(YAMLReader.statedLanguage(#"{"title":"x"}"#) == nil)
    }
}
