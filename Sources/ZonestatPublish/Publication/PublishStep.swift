/// A point between two renames of a publication, where a crash may happen: ``Publisher``
/// calls its hook with each, so that tests can stop it there and check what a reader sees.
public enum PublishStep: Sendable, Hashable, CustomStringConvertible {
    /// Every file is written and synced under `.staging-<run>/`; nothing published yet.
    case staged
    /// The previous version of a folder was moved to `.old-<run>/` (only where folders cannot
    /// be swapped in one step); the folder is missing until the next step.
    case movedAside(String)
    /// A folder now holds the new version.
    case replacedFolder(String)
    /// A top-level file now holds the new version.
    case replacedFile(String)
    /// `latest` now points at (or is a copy of) the named folder.
    case pointedLatest(String)
    /// Leftovers of this run are removed: the publication is complete.
    case cleanedUp

    public var description: String {
        switch self {
        case .staged: "staged"
        case .movedAside(let name): "moved aside \(name)"
        case .replacedFolder(let name): "replaced folder \(name)"
        case .replacedFile(let name): "replaced file \(name)"
        case .pointedLatest(let name): "pointed latest at \(name)"
        case .cleanedUp: "cleaned up"
        }
    }
}
