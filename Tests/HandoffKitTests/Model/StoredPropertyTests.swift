import Testing

@testable import HandoffKit

@Suite("a stored property written at its offset")
struct StoredPropertyTests {
    @Test("the writer stores what key-path assignment stores, at any depth, replacing the old value; a subscript path through the key path")
    func writesLikeTheKeyPath() {
        for draft in [TestDrafts.ready, TestDrafts.japanese, Draft()] {
            var byOffset = draft
            var byKeyPath = draft
            StoredProperty.writer(\Draft.title)(&byOffset, "春のLP — spring landing page")
            byKeyPath.title = "春のLP — spring landing page"
            StoredProperty.writer(\Draft.timeline.launch)(&byOffset, CivilDate(year: 2027, month: 3, day: 1))
            byKeyPath.timeline.launch = CivilDate(year: 2027, month: 3, day: 1)
            var requirement = Requirement()
            requirement.text = "Send the coupon by e-mail"
            StoredProperty.writer(\Draft.scope.requirements)(&byOffset, [requirement, requirement])
            byKeyPath.scope.requirements = [requirement, requirement]
            // Through an array subscript there is no offset: the key path writes it.
            #expect(MemoryLayout<Draft>.offset(of: \Draft.scope.requirements[0].text) == nil)
            StoredProperty.writer(\Draft.scope.requirements[0].text)(&byOffset, "Send it by post")
            byKeyPath.scope.requirements[0].text = "Send it by post"

            #expect(byOffset.title == "春のLP — spring landing page")
            #expect(byOffset.scope.requirements.map(\.text) == ["Send it by post", "Send the coupon by e-mail"])
            #expect(YAMLWriter.document(byOffset.encoded) == YAMLWriter.document(byKeyPath.encoded))
            // The draft written from was not touched (value semantics hold).
            #expect(YAMLWriter.document(draft.encoded) != YAMLWriter.document(byOffset.encoded))
        }
    }
}
