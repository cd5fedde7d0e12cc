import Foundation
import Testing

@testable import HandoffKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers from a script instead of a terminal; remembers what was asked and shown.
final class ScriptedIO: InterviewIO {
    var inputs: [LineInput]
    private(set) var prompts: [InterviewPrompt] = []
    private(set) var shown: [InterviewResponse.Line] = []
    private(set) var edited: [String] = []
    /// What the "editor" returns for `/edit`; nil when no editor could run.
    var editorResult: String?
    /// Called with each prompt before its answer is handed back.
    var beforeRead: ((InterviewPrompt) -> Void)?

    init(_ inputs: [LineInput]) { self.inputs = inputs }

    convenience init(lines: [String], then last: LineInput? = nil) {
        self.init(lines.map(LineInput.line) + (last.map { [$0] } ?? []))
    }

    func read(_ prompt: InterviewPrompt) -> LineInput {
        beforeRead?(prompt)
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func show(_ lines: [InterviewResponse.Line]) { shown += lines }

    func edit(_ text: String) -> String? {
        edited.append(text)
        return editorResult
    }

    var keys: [String] { prompts.map(\.key) }
}

/// The interview loop over an `InterviewIO` and a `DraftStore`: every answer on disk before the
/// next question, ids and locks, the ways a session ends, resuming, and the journal.
@Suite("InterviewSession")
struct InterviewSessionTests {
    static let pack: PromptPack = {
        do { return try PromptPackLoader.embedded(.en) } catch {
            Issue.record("embedded pack did not load: \(error)")
            return PromptPack(language: .en, version: "", sections: [])
        }
    }()

    static let idea = "Webinar signup form for December customers, so that sign-ups stop getting lost in the shared inbox"
    static let title = "Sign-up form for the December webinar"

    /// A store in a fresh temporary directory, removed after `body`.
    private func withStore(_ body: (DraftStore, String) throws -> Void) rethrows {
        let root = NSTemporaryDirectory() + "handoff-session-tests-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(DraftStore(location: StoreLocation(root: root)), root)
    }

    final class Exports {
        var calls: [(ExportFormat, String?, String?)] = []
        var failure: (any Error)?
    }

    private func session(
        _ store: DraftStore, _ io: ScriptedIO, draft: Draft = Draft(), state: InterviewState = InterviewState(),
        interactive: Bool = false, exports: Exports = Exports()
    ) -> InterviewSession {
        let engine = InterviewEngine(
            pack: Self.pack, draft: draft, state: state,
            settings: InterviewSettings(today: TestDrafts.today, interactive: interactive))
        return InterviewSession(engine: engine, store: store, io: io) { format, path, draft in
            if let failure = exports.failure { throw failure }
            exports.calls.append((format, path, draft.title))
            return path ?? "ticket.json"
        }
    }

    private func journalText(_ store: DraftStore, _ id: String) -> String {
        (try? String(contentsOfFile: store.location.draftDirectory(id: id) + "/journal.jsonl", encoding: .utf8)) ?? ""
    }

    // MARK: - Saving

    @Test("every answer is on disk before the next question appears")
    func savedBeforeNextPrompt() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, Self.title, "Aiko Sato", "", "/quit"])
            let session = session(store, io)
            let engine = session.engine
            var revisionCounts: [Int] = []
            var problems: [String] = []
            io.beforeRead = { prompt in
                guard let id = engine.draft.id else {
                    revisionCounts.append(0)
                    return
                }
                revisionCounts.append(store.revisions(id).count)
                // What is on disk is what the engine has, and the state points at this question.
                do {
                    var expected = engine.draft
                    expected.format = HandoffVersion.draftFormat
                    if try store.load(id).encoded != expected.encoded { problems.append("draft differs at \(prompt.key)") }
                } catch {
                    problems.append("\(error)")
                }
                if store.state(id).position != prompt.key {
                    problems.append("state at \(store.state(id).position ?? "nil"), prompt at \(prompt.key)")
                }
            }
            let outcome = try session.run()
            #expect(outcome == .left)
            #expect(io.keys == ["idea", "title", "requester.name", "requester.team", "requester.email"])
            // One revision per answer; the skip of requester.team is state, not a revision.
            #expect(revisionCounts == [0, 1, 2, 3, 3])
            #expect(problems == [])
            let id = try #require(engine.draft.id)
            let stored = try store.load(id)
            #expect(stored.idea == Self.idea)
            #expect(stored.title == Self.title)
            #expect(stored.requester.name == "Aiko Sato")
            #expect(store.state(id).skipped == ["requester.team"])
        }
    }

    @Test("the first save names the draft from the idea's first words and takes the lock")
    func idAndLock() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, "/quit"])
            var session: InterviewSession? = self.session(store, io)
            #expect(session?.engine.draft.id == nil)
            #expect(session?.lock == nil)
            let outcome = try session?.run()
            #expect(outcome == .left)
            let id = try #require(session?.engine.draft.id)
            #expect(id.hasPrefix("webinar-signup-form-"))
            let suffix = id.dropFirst("webinar-signup-form-".count)
            #expect(suffix.count == 4 && suffix.allSatisfy(\.isHexDigit), "\(id)")
            #expect(store.exists(id))
            #expect(session?.lock != nil)

            withExtendedLifetime(session) {
                do throws(IOFailure) {
                    _ = try store.lock(id)
                    Issue.record("a second lock was granted while the session holds it")
                } catch {
                    #expect(error.path == id)
                    #expect(error.message.contains("is open in another session"), "\(error.message)")
                    #expect(error.message.contains("pid \(getpid())"), "\(error.message)")
                    #expect(error.message.contains("finish or quit that session first"))
                }
            }
            // Once the session is gone, so is its lock.
            session = nil
            let lock = try store.lock(id)
            lock.release()
        }
    }

    // MARK: - Ending

    @Test("piped answers running out report the required questions left, and keep every answer")
    func inputEnded() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, Self.title, "Aiko Sato"])
            let session = session(store, io)
            let outcome = try session.run()
            #expect(
                outcome
                    == .inputEnded(missing: [
                        "objective.problem", "objective.business_goal", "scope.deliverables", "systems", "timeline.launch",
                        "success.metrics", "testing.acceptance_criteria",
                    ]))
            let id = try #require(session.engine.draft.id)
            let stored = try store.load(id)
            #expect(stored.idea == Self.idea)
            #expect(stored.title == Self.title)
            #expect(stored.requester.name == "Aiko Sato")
            #expect(store.state(id).position == "requester.team")
            #expect(store.revisions(id).count == 3)
        }
    }

    @Test("at a terminal, Ctrl-D leaves (everything is saved anyway)")
    func endOfInputInteractive() throws {
        try withStore { store, _ in
            let session = session(store, ScriptedIO(lines: [Self.idea]), interactive: true)
            let outcome = try session.run()
            #expect(outcome == .left)
            let id = try #require(session.engine.draft.id)
            #expect(try store.load(id).idea == Self.idea)
        }
    }

    @Test("Ctrl-C clears the line and the session goes on")
    func interrupted() throws {
        try withStore { store, _ in
            let io = ScriptedIO([.interrupted, .line(Self.idea), .interrupted, .interrupted, .line(Self.title), .line("/quit")])
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .left)
            #expect(io.keys == ["idea", "idea", "title", "title", "title", "requester.name"])
            let id = try #require(session.engine.draft.id)
            #expect(try store.load(id).title == Self.title)
            #expect(store.revisions(id).count == 2)
        }
    }

    @Test("SIGTERM saves the state and ends the session")
    func terminated() throws {
        try withStore { store, _ in
            let io = ScriptedIO([.line(Self.idea), .line(Self.title), .line(""), .line("/goto timeline"), .terminated, .line("never read")])
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .terminated)
            #expect(io.inputs == [.line("never read")])
            let id = try #require(session.engine.draft.id)
            let state = store.state(id)
            #expect(state.position == "timeline.launch")
            #expect(state.skipped == ["requester.name"])
            let stored = try store.load(id)
            #expect(stored.idea == Self.idea)
            #expect(stored.title == Self.title)
        }
    }

    @Test("a session ended before any answer writes nothing")
    func terminatedBeforeAnswers() throws {
        try withStore { store, root in
            let session = session(store, ScriptedIO([.terminated]))
            let outcome = try session.run()
            #expect(outcome == .terminated)
            #expect(session.engine.draft.id == nil)
            #expect(store.list().isEmpty)
            #expect(!FileManager.default.fileExists(atPath: root + "/drafts"))
        }
    }

    @Test("/quit saves the state and leaves")
    func quit() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, "/skip", "/quit", "never read"])
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .left)
            #expect(io.inputs == [.line("never read")])
            let id = try #require(session.engine.draft.id)
            #expect(store.state(id).skipped == ["title"])
            #expect(store.state(id).position == "requester.name")
        }
    }

    @Test("a complete interview ends .finished with the state marked finished")
    func finished() throws {
        try withStore { store, _ in
            let answers = [
                Self.idea, Self.title, "Aiko Sato", "Field Marketing", "aiko@example.com",
                "other",  // kind: none of the kind-specific questions
                "Webinar sign-ups go through a shared inbox; 30% are lost", "Pipeline growth for FY27",
                "The webinar runs on 2027-01-28", "40 qualified leads",
                "Sign-up form on the product page", "",  // deliverables
                "",  // no requirements
                "",  // out of scope: skipped
                "Marketo", "new program and form", "name, email", "y", "MOps", "",  // systems
                "legal", "Legal desk", "", "",  // stakeholders
                "yes", "Consent text from Legal",  // compliance
                "2027-01-22", "hard", "Invitations go out on 2027-01-08", "",  // timeline
                "Qualified pipeline", "Registrations", "0", "300", "Marketo", "form-fill event in GA4", "2027-02-05",
                "Aiko Sato", "",  // success
                "", "Headline A/B test after week one", "SDRs get a new lead source; 15-minute briefing",  // risks
                "300 sign-ups over two weeks", "no", "Marketing Ops", "2027-03-31",  // operations
                "Given a visitor submits the form, when the data is valid, then a Marketo lead is created within 1 minute", "",
                "Test on mobile Safari and Chrome",
            ]
            let io = ScriptedIO(lines: answers, then: .line("never read"))
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .finished)
            #expect(io.inputs == [.line("never read")])
            #expect(io.shown.contains(.section("Summary", nil)))
            let id = try #require(session.engine.draft.id)
            #expect(store.state(id).finished == true)
            let stored = try store.load(id)
            #expect(stored.testing.qaNotes == "Test on mobile Safari and Chrome")
            #expect(stored.compliance.legalReview == .yes)
        }
    }

    // MARK: - Resuming

    @Test("a stored draft resumes at its first unanswered question, under the same id")
    func resume() throws {
        try withStore { store, _ in
            var first: InterviewSession? = session(store, ScriptedIO(lines: [Self.idea, Self.title, "", "/quit"]))
            #expect(try first?.run() == .left)
            let id = try #require(first?.engine.draft.id)
            first = nil

            let draft = try store.load(id)
            let state = store.state(id)
            #expect(state.skipped == ["requester.name"])
            let io = ScriptedIO(lines: ["Field Marketing", "/quit"])
            let second = session(store, io, draft: draft, state: state)
            second.hold(try store.lock(id))
            #expect(try second.run() == .left)
            #expect(io.keys == ["requester.team", "requester.email"])
            #expect(second.engine.draft.id == id)
            #expect(store.list().map(\.id) == [id])
            let stored = try store.load(id)
            #expect(stored.requester.team == "Field Marketing")
            #expect(stored.title == Self.title)
            #expect(store.revisions(id).map(\.number) == [1, 2, 3])
        }
    }

    // MARK: - The journal

    @Test("journal revisions number up and carry the fields that changed and the whole draft")
    func journal() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, Self.title, "Aiko Sato", "/save", "/goto timeline", "next friday", "/quit"])
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .left)
            let id = try #require(session.engine.draft.id)
            let revisions = store.revisions(id)
            #expect(revisions.map(\.number) == [1, 2, 3, 4, 5])
            #expect(revisions.map(\.fields) == [["idea"], ["title"], ["requester.name"], [], ["timeline.launch"]])
            #expect(revisions.map(\.section) == ["idea", "idea", "idea", "idea", "timeline"])
            #expect(revisions[0].draft.idea == Self.idea)
            #expect(revisions[0].draft.title == nil)
            #expect(revisions[1].draft.title == Self.title)
            #expect(revisions[1].draft.requester.name == nil)
            #expect(revisions[2].draft.requester.name == "Aiko Sato")
            #expect(revisions[4].draft.timeline.launch == CivilDate(year: 2026, month: 11, day: 27))
            #expect(revisions.allSatisfy { $0.draft.id == id && $0.draft.format == HandoffVersion.draftFormat })
            for revision in revisions {
                let at = Array(revision.at)
                #expect(at.count == 20 && at[4] == "-" && at[10] == "T" && at[19] == "Z", "\(revision.at)")
            }
            #expect(io.shown.contains(.notice("Saved. (\(id))")))
            #expect(journalText(store, id).split(separator: "\n").count == 5)
        }
    }

    @Test("a torn last journal line is skipped, and the next revision is still recorded")
    func tornJournalLine() throws {
        try withStore { store, _ in
            let session = session(store, ScriptedIO(lines: [Self.idea, Self.title, "/quit"]))
            let outcome = try session.run()
            #expect(outcome == .left)
            let id = try #require(session.engine.draft.id)
            let path = store.location.draftDirectory(id: id) + "/journal.jsonl"
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data(#"{"revision":3,"at":"2026-11-20T10:00:00Z","fields":["requester.name"],"draft":{"idea":"We n"#.utf8))
            handle.closeFile()

            #expect(store.revisions(id).map(\.number) == [1, 2])
            var draft = try store.load(id)
            draft.requester.name = "Aiko Sato"
            let number = try store.save(draft, fields: ["requester.name"], section: "idea")
            #expect(number == 3)
            let revisions = store.revisions(id)
            #expect(revisions.map(\.number) == [1, 2, 3])
            #expect(revisions.last?.draft.requester.name == "Aiko Sato")
            #expect(revisions.last?.fields == ["requester.name"])
        }
    }

    @Test("a stored draft that does not parse is reported by load() and left as it is")
    func brokenDraftFile() throws {
        try withStore { store, _ in
            let session = session(store, ScriptedIO(lines: [Self.idea, Self.title, "/quit"]))
            let outcome = try session.run()
            #expect(outcome == .left)
            let id = try #require(session.engine.draft.id)
            let path = store.location.draftPath(id: id)
            let broken = "format: handoff/1\ntitle: [unclosed\nidea: x\n"
            try broken.write(toFile: path, atomically: true, encoding: .utf8)

            do {
                _ = try store.load(id)
                Issue.record("a broken draft loaded")
            } catch let error as InvalidInput {
                // A stored draft is named by its id (as `handoff resume ID` names it), with line and column.
                let first = try #require(error.errors.first)
                #expect(first.source == id)
                #expect(first.line == 3)
                #expect(first.column == 5)
                #expect(first.message.contains("not valid YAML"))
                #expect(error.description.hasPrefix("\(id):3:5: "))
            }
            let entry = try #require(store.list().first { $0.id == id })
            #expect(entry.draft == nil)
            #expect(entry.problem?.hasPrefix("\(id):3:5: ") == true)
            #expect(store.state(id).position == "requester.name")
            #expect(store.revisions(id).count == 2)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
        }
    }

    @Test("a draft id that is not stored is refused")
    func unknownID() {
        withStore { store, _ in
            #expect(throws: InvalidInput.self) { try store.load("no-such-draft-0000") }
            #expect(store.revisions("no-such-draft-0000") == [])
            #expect(store.state("no-such-draft-0000") == InterviewState())
        }
    }

    // MARK: - Editor and export

    @Test("/edit goes through the editor and the edited text is saved")
    func edit() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, Self.title, "/goto why", "/edit", "/quit"])
            io.editorResult = "Sign-ups go through a shared inbox.\n30% of them are lost.\n"
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .left)
            #expect(io.edited == [""])
            #expect(io.keys.last == "objective.business_goal")
            let id = try #require(session.engine.draft.id)
            #expect(try store.load(id).objective.problem == "Sign-ups go through a shared inbox.\n30% of them are lost.")
            #expect(store.revisions(id).last?.fields == ["objective.problem"])
        }
    }

    @Test("/edit without an editor changes nothing")
    func editUnavailable() throws {
        try withStore { store, _ in
            let io = ScriptedIO(lines: [Self.idea, "/edit", "/quit"])
            let session = session(store, io)
            let outcome = try session.run()
            #expect(outcome == .left)
            #expect(io.edited == [""])
            #expect(io.keys == ["idea", "title", "title"])
            #expect(session.engine.draft.title == nil)
        }
    }

    @Test("/export runs the exporter on the current draft; a failing export is a warning")
    func export() throws {
        try withStore { store, _ in
            let exports = Exports()
            let io = ScriptedIO(lines: [Self.idea, Self.title, "/export jira-v3 out/ticket.json", "/quit"])
            let session = session(store, io, exports: exports)
            let outcome = try session.run()
            #expect(outcome == .left)
            #expect(exports.calls.count == 1)
            #expect(exports.calls.first?.0 == .jiraV3)
            #expect(exports.calls.first?.1 == "out/ticket.json")
            #expect(exports.calls.first?.2 == Self.title)
            #expect(io.shown.contains(.notice("Exported to out/ticket.json.")))
            #expect(io.keys == ["idea", "title", "requester.name", "requester.name"])

            struct DiskFull: Error, CustomStringConvertible { var description: String { "disk full" } }
            let failing = Exports()
            failing.failure = DiskFull()
            let io2 = ScriptedIO(lines: [Self.idea, "/export markdown", "/quit"])
            #expect(try self.session(store, io2, exports: failing).run() == .left)
            #expect(io2.shown.contains(.warning("disk full")))
        }
    }
}
