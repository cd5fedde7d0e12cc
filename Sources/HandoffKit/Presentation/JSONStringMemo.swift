#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The JSON string literals of the texts one worker's check reports repeat: rule ids, field
/// paths, messages and questions come from a few hundred fixed texts, and escaping each again
/// (Japanese a scalar at a time) was most of the cost of a report. A text is known by the bits
/// of its `String` value: a literal's point at the same bytes every time, a short one's are its
/// bytes, and a text made at run time is kept by the memo while its slot holds it, so no other
/// text can be given its storage and its bits; a text with new bits is simply escaped again.
/// Used by one thread at a time: each worker's renderer leases its own (`CheckRenderer.forWorker()`).
final class JSONStringMemo: @unchecked Sendable {
    private static let slotCount = 4096
    /// Per slot: the bits of the text it holds (all zero while empty: every `String` has a bit
    /// set), the text itself, kept so that the storage the bits point at stays its, and its
    /// literal. Buffers rather than arrays, which a class would check for exclusive access at
    /// every read.
    private let keys: UnsafeMutablePointer<(UInt64, UInt64)>
    private let texts: UnsafeMutablePointer<String>
    private let literals: UnsafeMutablePointer<[UInt8]>

    /// The same for runs made of two texts and a variant (what is around them): per slot, the
    /// bits of both and the variant, the texts, and the bytes of the run.
    private typealias PairKey = (UInt64, UInt64, UInt64, UInt64, UInt64)
    private let pairKeys: UnsafeMutablePointer<PairKey>
    private let pairTexts: UnsafeMutablePointer<(String, String)>
    private let pairRuns: UnsafeMutablePointer<[UInt8]>

    init() {
        pairKeys = .allocate(capacity: Self.slotCount)
        pairKeys.initialize(repeating: (0, 0, 0, 0, 0), count: Self.slotCount)
        pairTexts = .allocate(capacity: Self.slotCount)
        pairTexts.initialize(repeating: ("", ""), count: Self.slotCount)
        pairRuns = .allocate(capacity: Self.slotCount)
        pairRuns.initialize(repeating: [], count: Self.slotCount)
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: (0, 0), count: Self.slotCount)
        texts = .allocate(capacity: Self.slotCount)
        texts.initialize(repeating: "", count: Self.slotCount)
        literals = .allocate(capacity: Self.slotCount)
        literals.initialize(repeating: [], count: Self.slotCount)
    }

    deinit {
        pairKeys.deallocate()
        pairTexts.deinitialize(count: Self.slotCount)
        pairTexts.deallocate()
        pairRuns.deinitialize(count: Self.slotCount)
        pairRuns.deallocate()
        keys.deallocate()
        texts.deinitialize(count: Self.slotCount)
        texts.deallocate()
        literals.deinitialize(count: Self.slotCount)
        literals.deallocate()
    }

    /// Appends `text` as a JSON string literal, as `JSONWriter.writeString` writes it.
    func write(_ text: String, into out: inout [UInt8]) {
        let key = unsafeBitCast(text, to: (UInt64, UInt64).self)
        let mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15 ^ key.1) &* 0xBF58_476D_1CE4_E5B9
        let index = Int(truncatingIfNeeded: mixed >> 52)
        if keys[index] == key {
            literals[index].withUnsafeBufferPointer { out.append(bytes: $0) }
            return
        }
        let start = out.count
        JSONWriter.writeString(text, into: &out)
        keys[index] = key
        texts[index] = text
        literals[index].removeAll(keepingCapacity: true)
        out.withUnsafeBufferPointer { written in literals[index].append(contentsOf: UnsafeBufferPointer(rebasing: written[start...])) }
    }

    /// Appends what `compose` writes of `first`, `second` and the fixed text `variant` stands
    /// for; copied whole once it has been written for the same two texts and variant. `compose`
    /// must write the same bytes for the same texts and variant.
    func write(
        _ first: String, _ second: String, variant: UInt64, into out: inout [UInt8], _ compose: (inout [UInt8]) -> Void
    ) {
        let one = unsafeBitCast(first, to: (UInt64, UInt64).self)
        let two = unsafeBitCast(second, to: (UInt64, UInt64).self)
        let key: PairKey = (one.0, one.1, two.0, two.1, variant)
        let mixed = ((one.0 &* 0x9E37_79B9_7F4A_7C15 ^ one.1) &* 0xBF58_476D_1CE4_E5B9 ^ two.0 ^ two.1 &* 0x94D0_49BB_1331_11EB ^ variant)
            &* 0x9E37_79B9_7F4A_7C15
        let index = Int(truncatingIfNeeded: mixed >> 52)
        let held = pairKeys[index]
        if held.0 == key.0, held.1 == key.1, held.2 == key.2, held.3 == key.3, held.4 == key.4 {
            pairRuns[index].withUnsafeBufferPointer { out.append(bytes: $0) }
            return
        }
        let start = out.count
        compose(&out)
        pairKeys[index] = key
        pairTexts[index] = (first, second)
        pairRuns[index].removeAll(keepingCapacity: true)
        out.withUnsafeBufferPointer { written in pairRuns[index].append(contentsOf: UnsafeBufferPointer(rebasing: written[start...])) }
    }
}

extension JSONStringMemo {
    /// The memos of workers that finished a batch, for the next batch's worker: a memo made per
    /// batch escaped its few hundred texts again every sixty-four drafts.
    enum Pool {
        nonisolated(unsafe) private static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
            let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
            return mutex
        }()
        nonisolated(unsafe) private static var idle: [JSONStringMemo] = []

        /// An idle memo, or a new one.
        static func take() -> JSONStringMemo {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return idle.popLast() ?? JSONStringMemo()
        }

        /// Puts back a memo no thread uses any more.
        static func give(_ memo: JSONStringMemo) {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            // As many as there were workers at once; more would only be kept.
            if idle.count < 16 { idle.append(memo) }
        }
    }

    /// A memo taken from the pool for as long as the lease lives: the renderer of one batch's
    /// worker holds it, and the memo goes back when the worker lets go of the renderer.
    final class Lease: @unchecked Sendable {
        let memo = Pool.take()
        deinit { Pool.give(memo) }
    }
}
