import ZonestatCore

/// Why a table or report could not be rendered: the rows refer to something the definitions
/// do not describe.
public enum PublishError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A row names an indicator that is not among the indicator definitions.
    case unknownIndicator(id: String, file: String)
    /// The workbook's zip container could not be written (out of memory, or a bug).
    case workbook(file: String, reason: String)
    /// A unit block names a unit the warehouse's units do not have.
    case unknownUnit(id: Int64, period: Period, indicator: String)
    /// A unit block's columns are not one value per unit.
    case malformedUnits(period: Period, indicator: String)
    /// A file written straight into its staged place could not be (a full disk).
    case output(file: String, PublicationError)

    public var description: String {
        switch self {
        case .unknownIndicator(let id, let file):
            "\(file): indicator \"\(id)\" is not defined in the pipeline — add it to the pipeline file's indicators"
        case .workbook(let file, let reason):
            "\(file): the workbook could not be written (\(reason)) — run again; if it fails again, report it with this message"
        case .unknownUnit(let id, let period, let indicator):
            "units.csv: the results of \(period) \(indicator) name unit \(id), which the warehouse does not hold — "
                + "run `zonestat rebuild`"
        case .malformedUnits(let period, let indicator):
            "units.csv: the unit results of \(period) \(indicator) are damaged — run `zonestat rebuild`"
        case .output(let file, let error):
            "\(file): could not be written (\(error)) — free some room on the disk and run again"
        }
    }
}
