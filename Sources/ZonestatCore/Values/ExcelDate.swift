/// Calendar arithmetic for Excel date serials and date cells.
///
/// Excel's 1900 date system counts 1900-01-01 as serial 1 and, copying Lotus 1-2-3, treats
/// 1900 as a leap year: serial 60 is the fictitious 1900-02-29, so every serial after it is
/// one more than a true day count from 1899-12-31. Counting from 1899-12-30 instead gives
/// the right date for every serial ≥ 61 (45046 is 2023-04-30).
public enum ExcelDate {
    /// The (year, month, day) that an Excel serial shows; nil for serials below 1.
    public static func civilDate(serial: Int) -> (year: Int, month: Int, day: Int)? {
        guard serial >= 1 else { return nil }
        if serial == 60 { return (1900, 2, 29) }
        let daysAfterEpoch = serial < 60 ? serial + 1 : serial
        return civilDate(daysSince1970: daysSince1970(year: 1899, month: 12, day: 30) + daysAfterEpoch)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's civil_from_days).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in `month` of `year` (Gregorian leap years).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
