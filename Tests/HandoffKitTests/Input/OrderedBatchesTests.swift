import Foundation
import HandoffKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The ordered worker pool behind `--jobs`.
@Suite("OrderedBatches")
struct OrderedBatchesTests {
    /// Where each piece of work ran, to tell the caller's thread from the workers'.
    final class Threads: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [pthread_t] = []
        func record() { lock.withLock { seen.append(pthread_self()) } }
        var all: [pthread_t] { lock.withLock { seen } }
    }

    @Test("outputs are delivered in input order whatever the jobs and batch size", arguments: [1, 2, 3, 8])
    func inputOrder(jobs: Int) throws {
        for (count, batchSize) in [(0, 4), (1, 4), (3, 4), (4, 4), (5, 4), (1000, 7), (1000, 64)] {
            var delivered: [Int] = []
            let batches = OrderedBatches<Int, Int>(
                jobs: jobs, batchSize: batchSize,
                work: { value in
                    // Uneven work, so that later batches often finish first.
                    var spin = 0
                    for step in 0..<((value * 7919) % 5000) { spin &+= step }
                    return value * 2 + (spin == -1 ? 1 : 0)
                },
                deliver: { delivered.append($0) })
            for value in 0..<count { try batches.submit(value) }
            try batches.finish()
            #expect(delivered == (0..<count).map { $0 * 2 }, "jobs \(jobs), \(count) inputs in batches of \(batchSize)")
        }
    }

    @Test("fewer inputs than a batch are worked on the caller's thread: no threads for a single draft")
    func smallStreamsStayOnTheCallersThread() throws {
        let threads = Threads()
        let batches = OrderedBatches<Int, Int>(
            jobs: 4, batchSize: 64, work: { value in threads.record(); return value }, deliver: { _ in })
        for value in 0..<63 { try batches.submit(value) }
        try batches.finish()
        let caller = pthread_self()
        #expect(threads.all.count == 63)
        #expect(threads.all.allSatisfy { pthread_equal($0, caller) != 0 })
    }

    @Test("once the first batch fills, the work moves to worker threads")
    func largeStreamsUseWorkers() throws {
        let threads = Threads()
        let batches = OrderedBatches<Int, Int>(
            jobs: 2, batchSize: 8, work: { value in threads.record(); return value }, deliver: { _ in })
        for value in 0..<64 { try batches.submit(value) }
        try batches.finish()
        let caller = pthread_self()
        #expect(threads.all.count == 64)
        #expect(threads.all.allSatisfy { pthread_equal($0, caller) == 0 })
    }

    struct Stop: Error {}

    @Test("an error from deliver ends the run there, after every earlier output")
    func deliverError() {
        var delivered: [Int] = []
        let batches = OrderedBatches<Int, Int>(
            jobs: 2, batchSize: 4, work: { $0 },
            deliver: { value in
                if value == 10 { throw Stop() }
                delivered.append(value)
            })
        #expect(throws: Stop.self) {
            for value in 0..<100 { try batches.submit(value) }
            try batches.finish()
        }
        #expect(delivered == Array(0..<10))
    }
}

@Suite("AvailableCores")
struct AvailableCoresTests {
    @Test("cgroup v2 cpu.max: a quota rounds up to whole cores; max means none")
    func cpuMax() {
        #expect(AvailableCores.cores(fromCPUMax: "200000 100000\n") == 2)
        #expect(AvailableCores.cores(fromCPUMax: "150000 100000") == 2)
        #expect(AvailableCores.cores(fromCPUMax: "50000 100000") == 1)
        #expect(AvailableCores.cores(fromCPUMax: "max 100000\n") == nil)
        #expect(AvailableCores.cores(fromCPUMax: "") == nil)
    }

    @Test("cgroup v1: cfs quota over period; -1 means none")
    func cfsQuota() {
        #expect(AvailableCores.cores(quota: "300000\n", period: "100000\n") == 3)
        #expect(AvailableCores.cores(quota: "-1\n", period: "100000\n") == nil)
    }

    @Test("/proc/self/cgroup: the unified path and the cpu controller's")
    func cgroupPaths() {
        let v2 = AvailableCores.cgroupPaths("0::/user.slice/session-1.scope\n")
        #expect(v2.unified == "/user.slice/session-1.scope")
        #expect(v2.cpu == nil)
        let v1 = AvailableCores.cgroupPaths("12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n")
        #expect(v1.unified == nil)
        #expect(v1.cpu == "/docker/abc")
    }

    @Test("the count is at least one and at most the cores the affinity mask allows")
    func count() {
        let count = AvailableCores.count()
        #expect(count >= 1)
        #expect(count <= Int(sysconf(Int32(_SC_NPROCESSORS_CONF))))
    }
}
