import Dispatch

/// Runs `work` over a stream of inputs on several threads and hands the outputs to `deliver` in
/// input order, on the caller's thread. Inputs are grouped in batches; a bounded number of
/// batches is in flight, so memory stays flat however long the stream is.
///
/// Nothing starts a thread until the first batch is full: a single draft, or a small file, is
/// held until the batch fills or the input ends, then worked on the caller's thread, as with one
/// job. With `jobs` 1 everything is inline, as it arrives.
public final class OrderedBatches<Input: Sendable, Output: Sendable> {
    /// Threads are worth their cost from this many inputs on.
    public static var defaultBatchSize: Int { 64 }

    private let requestedJobs: Int?
    private let batchSize: Int
    /// Makes the function a batch is worked with: once per batch, on the thread that works it.
    private let makeWork: @Sendable () -> (Input) -> Output
    /// The function of the caller's thread, made when it first works an input.
    private var inlineWork: ((Input) -> Output)?
    private let deliver: (Output) throws -> Void
    private var batch: [Input] = []
    private var inFlight: [Slot] = []
    private var pool: Pool?
    /// True until the first batch fills: till then the stream may turn out to be small.
    private var waitingForFirstBatch = true

    /// - Parameters:
    ///   - jobs: the number of worker threads; nil for as many as the process has cores.
    ///   - work: what is done to each input; runs on any thread.
    ///   - deliver: what is done with each output, in input order, on the caller's thread.
    public convenience init(
        jobs: Int?, batchSize: Int = OrderedBatches.defaultBatchSize,
        work: @escaping @Sendable (Input) -> Output, deliver: @escaping (Output) throws -> Void
    ) {
        self.init(jobs: jobs, batchSize: batchSize, worker: { work }, deliver: deliver)
    }

    /// The same, with the work function made per batch by `worker`, on the thread that works the
    /// batch: state it captures (a copy of shared settings) is that thread's alone for the batch,
    /// so the inputs' work does not count references on objects the other threads count too.
    public init(
        jobs: Int?, batchSize: Int = OrderedBatches.defaultBatchSize,
        worker: @escaping @Sendable () -> (Input) -> Output, deliver: @escaping (Output) throws -> Void
    ) {
        requestedJobs = jobs
        self.batchSize = max(1, batchSize)
        makeWork = worker
        self.deliver = deliver
        batch.reserveCapacity(self.batchSize)
    }

    /// Works `input` on the caller's thread, with one work function for the whole run.
    private func workInline(_ input: Input) -> Output {
        if let inlineWork { return inlineWork(input) }
        let work = makeWork()
        inlineWork = work
        return work(input)
    }

    /// Queues `input`; may work and deliver earlier inputs first. Rethrows what `deliver` throws.
    public func submit(_ input: Input) throws {
        if requestedJobs == 1 {
            try deliver(workInline(input))
            return
        }
        batch.append(input)
        guard batch.count >= batchSize else { return }
        if waitingForFirstBatch {
            waitingForFirstBatch = false
            let jobs = requestedJobs ?? AvailableCores.count()
            if jobs > 1 { pool = Pool(jobs: jobs) }
        }
        try dispatchBatch()
    }

    /// Works and delivers whatever is left; every output has been delivered when it returns.
    public func finish() throws {
        if !batch.isEmpty { try dispatchBatch() }
        while !inFlight.isEmpty { try deliverOldest() }
    }

    private func dispatchBatch() throws {
        let inputs = batch
        batch.removeAll(keepingCapacity: true)
        guard let pool else {
            for input in inputs { try deliver(workInline(input)) }
            return
        }
        // Outputs already worked are delivered first, so that output streams out steadily.
        while let oldest = inFlight.first, oldest.isDone { try deliverOldest() }
        // A few batches per thread keep every thread busy while the oldest one is delivered.
        while inFlight.count >= pool.jobs * 2 { try deliverOldest() }
        let slot = Slot()
        slot.inputs = inputs
        let makeWork = makeWork
        pool.run {
            // The worker takes the batch's only reference, so each input is moved into its work,
            // not copied (a retain of every string it holds, on a count this thread shares).
            var inputs: [Input] = []
            swap(&inputs, &slot.inputs)
            inputs.reverse()
            let work = makeWork()
            var outputs: [Output] = []
            outputs.reserveCapacity(inputs.count)
            while let input = inputs.popLast() { outputs.append(work(input)) }
            slot.outputs = outputs
            slot.finished()
        }
        inFlight.append(slot)
    }

    private func deliverOldest() throws {
        let slot = inFlight.removeFirst()
        slot.wait()
        let outputs = slot.outputs
        slot.outputs = []
        // By index, not `for output in`: the iterator copies each output, retaining on this
        // thread what a worker made (and will free).
        for index in outputs.indices { try deliver(outputs[index]) }
    }

    /// One batch's outputs: written by one worker before `finished()`, read by the caller's
    /// thread after `wait()`; the semaphore orders the two.
    private final class Slot: @unchecked Sendable {
        /// The batch, set before it is handed to a worker, which takes it.
        var inputs: [Input] = []
        var outputs: [Output] = []
        private let done = DispatchSemaphore(value: 0)
        private var delivered = false

        func finished() { done.signal() }

        var isDone: Bool {
            if delivered { return true }
            delivered = done.wait(timeout: .now()) == .success
            return delivered
        }

        func wait() {
            if !delivered { done.wait() }
            delivered = true
        }
    }

    /// At most `jobs` batches worked at once, on Dispatch's threads.
    private final class Pool: Sendable {
        let jobs: Int
        private let gate: DispatchSemaphore
        private let queue = DispatchQueue(label: "handoff.batches", attributes: .concurrent)

        init(jobs: Int) {
            self.jobs = jobs
            gate = DispatchSemaphore(value: jobs)
        }

        func run(_ body: @escaping @Sendable () -> Void) {
            let gate = gate
            queue.async {
                gate.wait()
                body()
                gate.signal()
            }
        }
    }
}
