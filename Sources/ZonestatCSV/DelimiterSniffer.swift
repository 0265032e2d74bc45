/// Finds which delimiter a CSV text uses: comma, tab or semicolon.
public enum DelimiterSniffer {
    /// The candidates, in the order that breaks ties.
    public static let candidates: [UInt8] = [0x2C, 0x09, 0x3B]  // , \t ;

    /// How many non-empty lines are looked at, at most.
    static let lineLimit = 20
    /// How many bytes are looked at, at most.
    static let byteLimit = 64 * 1024

    /// The delimiter of the UTF-8 text `utf8`, judged on its first non-empty lines (at most
    /// 20 lines or 64 KiB).
    ///
    /// Delimiters inside quoted cells are not counted, and a quoted cell may span lines. For
    /// each candidate, the lines where it occurs are grouped by how often it occurs; the
    /// candidate whose most common count is shared by the most lines wins, then the one with
    /// the higher count, then comma before tab before semicolon. So a line such as `单位:千元`
    /// or `单位：千元,,,` above the header, or a comma inside an unquoted number in a tab- or
    /// semicolon-separated file, does not mislead it. Text without any candidate is
    /// comma-separated.
    public static func sniff(_ utf8: [UInt8]) -> UInt8 {
        let lines = counts(in: utf8)
        var best: (delimiter: UInt8, lines: Int, count: Int) = (0x2C, 0, 0)
        for (index, delimiter) in candidates.enumerated() {
            var histogram: [Int: Int] = [:]
            for line in lines where line[index] > 0 {
                histogram[line[index], default: 0] += 1
            }
            // The most common count, the higher one on a tie.
            guard let mode = histogram.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
                continue
            }
            if (mode.value, mode.key) > (best.lines, best.count) {
                best = (delimiter, mode.value, mode.key)
            }
        }
        return best.delimiter
    }

    /// For each non-empty line at the start of `utf8`, how often each candidate occurs in it
    /// outside quotes.
    private static func counts(in utf8: [UInt8]) -> [[Int]] {
        var lines: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var lineHasText = false
        var quoted = false
        for byte in utf8.prefix(byteLimit) {
            if byte == 0x22 {
                quoted.toggle()  // a doubled quote toggles twice
                lineHasText = true
            } else if quoted {
                continue
            } else if byte == 0x0A {
                if lineHasText {
                    lines.append(current)
                    if lines.count == lineLimit { return lines }
                }
                current = [Int](repeating: 0, count: candidates.count)
                lineHasText = false
            } else if let index = candidates.firstIndex(of: byte) {
                current[index] += 1
                lineHasText = true
            } else if byte != 0x0D && byte != 0x20 {
                lineHasText = true
            }
        }
        if lineHasText {
            lines.append(current)
        }
        return lines
    }
}
