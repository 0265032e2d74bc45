/// The sections (门类) of GB/T 4754-2017, A…T, with the divisions each holds.
///
/// Industry breakdowns follow the standard (statistics.md §5): "industry" in the zone's
/// reports means sections B (采矿业, 06–12), C (制造业, 13–43) and D (44–46).
public enum IndustrySection {
    /// Each section letter, its official name and its range of two-digit divisions.
    public static let all: [(letter: Character, name: String, divisions: ClosedRange<Int>)] = [
        ("A", "农、林、牧、渔业", 1...5),
        ("B", "采矿业", 6...12),
        ("C", "制造业", 13...43),
        ("D", "电力、热力、燃气及水生产和供应业", 44...46),
        ("E", "建筑业", 47...50),
        ("F", "批发和零售业", 51...52),
        ("G", "交通运输、仓储和邮政业", 53...60),
        ("H", "住宿和餐饮业", 61...62),
        ("I", "信息传输、软件和信息技术服务业", 63...65),
        ("J", "金融业", 66...69),
        ("K", "房地产业", 70...70),
        ("L", "租赁和商务服务业", 71...72),
        ("M", "科学研究和技术服务业", 73...75),
        ("N", "水利、环境和公共设施管理业", 76...79),
        ("O", "居民服务、修理和其他服务业", 80...82),
        ("P", "教育", 83...83),
        ("Q", "卫生和社会工作", 84...85),
        ("R", "文化、体育和娱乐业", 86...90),
        ("S", "公共管理、社会保障和社会组织", 91...96),
        ("T", "国际组织", 97...97),
    ]

    /// The sections of industry (工业): mining, manufacturing, utilities.
    public static let industrial: Set<Character> = ["B", "C", "D"]

    /// The official name of a section letter (`C` → 制造业), or nil.
    public static func name(_ letter: Character) -> String? {
        all.first { $0.letter == letter }?.name
    }

    /// The section letter of a division number 1…97 (`36` → `C`), or nil.
    public static func letter(ofDivision division: Int) -> Character? {
        all.first { $0.divisions.contains(division) }?.letter
    }
}
