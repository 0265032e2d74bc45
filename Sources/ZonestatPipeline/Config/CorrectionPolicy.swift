/// Which files may change a value the warehouse already holds (inputs.md, "Corrections and
/// conflicts").
public enum CorrectionPolicy: String, Sendable, Hashable, CaseIterable {
    /// Only a file named as a correction (更正, 修订, 修正 or 订正 in its name) may; any other file
    /// that reports a different value for a held key is held whole in quarantine.
    case byName = "by_name"
    /// Every file may: the newest value supersedes the held one.
    case acceptAll = "accept_all"

    /// The words that mark a file's name as a correction.
    public static let markers = ["更正", "修订", "修正", "订正"]

    /// Whether `fileName` may change held values under this policy.
    public func acceptsRevisions(from fileName: String) -> Bool {
        self == .acceptAll || CorrectionPolicy.markers.contains { fileName.contains($0) }
    }
}
