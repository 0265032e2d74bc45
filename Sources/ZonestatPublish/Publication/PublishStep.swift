/// A point of a publication where a crash may happen: ``Publisher`` calls its hook with each,
/// so that tests can stop it there and check what a reader sees.
public enum PublishStep: Sendable, Hashable, CustomStringConvertible {
    /// The run's generation is complete and synced under `.generations/<run>/`; nothing of it
    /// is visible yet.
    case staged
    /// A new period's link (`out/<period>` → `.current/<period>`) exists; it shows nothing
    /// until the flip.
    case linked(String)
    /// `.current` now names this run's generation: every file of the run is visible.
    case flipped
    /// The folders and files of the older layout (real folders, no generations) were linked
    /// into a first generation, now current: readers see the same files.
    case adopted
    /// An entry of an older layout (a real folder or file where a link goes) was replaced by
    /// its link, showing the same generation.
    case converted(String)
    /// Earlier generations and leftovers are removed: the publication is complete.
    case cleanedUp

    public var description: String {
        switch self {
        case .staged: "staged"
        case .linked(let name): "linked \(name)"
        case .flipped: "flipped"
        case .adopted: "adopted"
        case .converted(let name): "converted \(name)"
        case .cleanedUp: "cleaned up"
        }
    }
}
