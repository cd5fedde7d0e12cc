import ArgumentParser
import HandoffKit

// The library's own enumerations are the option values: parsing, `--help` (valid values and the
// default by name) and the completion scripts then all come from their cases.
extension ExportFormat: ExpressibleByArgument {}
extension ExportOptions.Shape: ExpressibleByArgument {}
extension ExportOptions.CSVGuard: ExpressibleByArgument {}
