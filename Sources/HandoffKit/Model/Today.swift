#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// "Today" for date rules: `HANDOFF_TODAY` (YYYY-MM-DD) when set, so tests and pipelines are
/// reproducible, else the local calendar date.
public enum Today {
    /// `HANDOFF_TODAY` when set and not empty, else `local()`.
    /// - Throws: `InvalidInput` when `HANDOFF_TODAY` is not a valid YYYY-MM-DD date.
    public static func resolve(environment: [String: String]) throws(InvalidInput) -> CivilDate {
        if let fixed = environment["HANDOFF_TODAY"], !fixed.isEmpty {
            switch CivilDate.parse(fixed) {
            case .success(let date): return date
            case .failure(let problem):
                throw InvalidInput([
                    InputError(
                        source: "HANDOFF_TODAY", field: "HANDOFF_TODAY",
                        message: "'\(fixed)' \(problem.explanation); set it as YYYY-MM-DD, e.g. 2026-11-20, or unset it")
                ])
            }
        }
        return local()
    }

    /// Today's date in the machine's time zone.
    public static func local() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CivilDate(dayNumber: Int(now) / 86_400)
    }
}
