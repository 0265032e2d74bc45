import ZonestatPipeline

/// `-v`: the footer lines extract skipped in a file (notes and signatures below the data).
enum FooterListing {
    static func print(_ footer: [FooterLine], of file: String) {
        guard !footer.isEmpty else { return }
        Terminal.print("  \(file): \(footer.count) footer line(s) skipped (表尾注释、签名行，未读取):")
        for line in footer { Terminal.print("    line \(line.line): \(line.text)") }
    }
}
