import Foundation
import HandoffKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `OrderedBatches` with a work function made per batch (`worker:`), as check and export give
/// each batch its own copy of the run's settings.
@Suite("OrderedBatches worker")
struct OrderedBatchesWorkerTests {
    /// The threads the work functions were made on, and how many were made.
    final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var threads: [pthread_t] = []
        func record() { lock.withLock { threads.append(pthread_self()) } }
        var all: [pthread_t] { lock.withLock { threads } }
    }

    @Test("one work function per batch on the workers, in input order", arguments: [2, 3])
    func onePerBatch(jobs: Int) throws {
        let made = Made()
        var delivered: [Int] = []
        let batches = OrderedBatches<Int, Int>(
            jobs: jobs, batchSize: 8,
            worker: {
                made.record()
                // State of the batch's own: each function counts what it worked.
                var worked = 0
                return { value in
                    worked += 1
                    return value * 10 + (worked - 1) % 8
                }
            },
            deliver: { delivered.append($0) })
        for value in 0..<100 { try batches.submit(value) }
        try batches.finish()
        #expect(delivered == (0..<100).map { $0 * 10 + $0 % 8 })
        #expect(made.all.count == 13)
        let caller = pthread_self()
        #expect(made.all.allSatisfy { pthread_equal($0, caller) == 0 })
    }

    @Test("one job, or fewer inputs than a batch: one work function, on the caller's thread", arguments: [1, 4])
    func inlineMakesOne(jobs: Int) throws {
        let made = Made()
        var delivered: [Int] = []
        let batches = OrderedBatches<Int, Int>(
            jobs: jobs, batchSize: jobs == 1 ? 8 : 64,
            worker: {
                made.record()
                var worked = 0
                return { value in
                    worked += 1
                    return worked
                }
            },
            deliver: { delivered.append($0) })
        for value in 0..<40 { try batches.submit(value) }
        try batches.finish()
        #expect(delivered == Array(1...40))
        #expect(made.all.count == 1)
        #expect(made.all.allSatisfy { pthread_equal($0, pthread_self()) != 0 })
    }
}
