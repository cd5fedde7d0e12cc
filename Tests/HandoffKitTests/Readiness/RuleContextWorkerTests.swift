import Testing

@testable import HandoffKit

/// `RuleContext` keeps a run's settings behind one reference; `forWorker()` gives a worker thread
/// its own, with the same settings.
@Suite("RuleContext for workers")
struct RuleContextWorkerTests {
    @Test("forWorker has a settings object of its own and checks drafts as the context it came from")
    func workerCopyChecksTheSame() {
        var configuration = Configuration()
        configuration.vagueWords.en = ["somewhat"]
        let base = RuleContext(today: TestDrafts.today, configuration: configuration)
        let worker = base.forWorker()
        #expect(!worker.sharesSettings(with: base))
        #expect(base.reporting(in: .ja).sharesSettings(with: base))
        #expect(worker.today == base.today)
        #expect(worker.configuration == base.configuration)
        for draft in [TestDrafts.ready, TestDrafts.japanese, TestDrafts.load("title: a somewhat faster page\n")] {
            for language in [Language.en, .ja] {
                #expect(
                    Readiness.check(draft, in: worker.reporting(in: language))
                        == Readiness.check(draft, in: base.reporting(in: language)))
            }
        }
    }

    @Test("setting a copy's settings leaves the original as it was")
    func valueSemantics() {
        let base = RuleContext(today: TestDrafts.today)
        var copy = base
        copy.today = CivilDate(year: 2030, month: 1, day: 1)!
        var configuration = Configuration()
        configuration.vagueWords.en = ["somewhat"]
        copy.configuration = configuration
        #expect(base.today == TestDrafts.today)
        #expect(base.configuration == Configuration())
        #expect(copy.today == CivilDate(year: 2030, month: 1, day: 1)!)
        #expect(copy.configuration.vagueWords.en == ["somewhat"])
    }
}
