#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many cores this process may actually run on: the CPU affinity mask (`taskset`, a
/// container's cpuset) and the cgroup CPU quota (`docker --cpus`) both cap it, and either may be
/// far below the machine's core count. Read only when a run has enough drafts to use threads.
public enum AvailableCores {
    /// The cores this process may use, at least 1: the online cores, capped by the affinity mask and the
    /// cgroup quota. Reads `/proc` and `/sys` on each call.
    public static func count() -> Int {
        var cores = affinityCount() ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        if let quota = quotaCores() { cores = min(cores, quota) }
        return max(1, cores)
    }

    /// Whole cores a cgroup v2 `cpu.max` line ("200000 100000", or "max 100000" for none) allows,
    /// rounded up: a quota of 1.5 cores can keep two threads busy part of the time.
    public static func cores(fromCPUMax line: Substring) -> Int? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0 else {
            return nil
        }
        return max(1, (quota + period - 1) / period)
    }

    /// The same for cgroup v1's `cpu.cfs_quota_us` (-1 for none) and `cpu.cfs_period_us`.
    public static func cores(quota: Substring, period: Substring) -> Int? {
        cores(fromCPUMax: quota.split(separator: "\n").first.map { $0 + " " + period } ?? "")
    }

    /// The cgroup (v2) or cpu controller (v1) path of this process, from `/proc/self/cgroup`.
    public static func cgroupPaths(_ text: Substring) -> (unified: String?, cpu: String?) {
        var unified: String?
        var cpu: String?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[0] == "0" && parts[1].isEmpty { unified = String(parts[2]) }
            if parts[1].split(separator: ",").contains("cpu") { cpu = String(parts[2]) }
        }
        return (unified, cpu)
    }

    private static func quotaCores() -> Int? {
        let paths = cgroupPaths(Substring(readSmallFile("/proc/self/cgroup") ?? ""))
        // Inside a container the process's own cgroup is often mounted as the root.
        for directory in [paths.unified.map { "/sys/fs/cgroup" + $0 }, "/sys/fs/cgroup"].compactMap({ $0 }) {
            if let line = readSmallFile(directory + "/cpu.max") { return cores(fromCPUMax: Substring(line)) }
        }
        for directory in [paths.cpu.map { "/sys/fs/cgroup/cpu" + $0 }, "/sys/fs/cgroup/cpu"].compactMap({ $0 }) {
            if let quota = readSmallFile(directory + "/cpu.cfs_quota_us"),
                let period = readSmallFile(directory + "/cpu.cfs_period_us")
            {
                return cores(quota: Substring(quota), period: Substring(period))
            }
        }
        return nil
    }

    /// The bits set in the affinity mask. Glibc's Swift module hides `sched_getaffinity` (it is
    /// a GNU extension), so it is looked up by name.
    private static func affinityCount() -> Int? {
        #if canImport(Glibc)
            typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
            guard let symbol = dlsym(nil, "sched_getaffinity") else { return nil }
            let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
            // Room for 8192 CPUs; a larger machine makes the call fail, and the core count is used.
            var mask = [UInt64](repeating: 0, count: 128)
            let status = mask.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress!) }
            guard status == 0 else { return nil }
            let count = mask.reduce(0) { $0 + $1.nonzeroBitCount }
            return count > 0 ? count : nil
        #else
            return nil
        #endif
    }

    private static func readSmallFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        guard count > 0 else { return nil }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}
