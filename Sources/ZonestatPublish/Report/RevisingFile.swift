/// A correction file and how many values behind a period it revised (the report's 数据修订说明).
public struct RevisingFile: Sendable, Hashable {
    public var name: String
    public var values: Int

    public init(name: String, values: Int) {
        self.name = name
        self.values = values
    }
}
