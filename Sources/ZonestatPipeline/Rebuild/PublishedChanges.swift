import Foundation
import ZonestatCSV
import ZonestatCore
import ZonestatPublish

/// The history of published figures as out/ holds it: every period folder's `changes.csv`, read
/// back for a rebuilt warehouse (which knows nothing of earlier publications).
enum PublishedChanges {
    /// Each period's changes, oldest first, from `outRoot/<YYYY-MM>/changes.csv`; a folder without
    /// the file, or a file that is not ours, gives none.
    static func read(outRoot: String) -> [(period: Period, changes: [PublishedChange])] {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: outRoot)) ?? []).sorted()
        var found: [(period: Period, changes: [PublishedChange])] = []
        for folder in folders {
            guard let period = Warehouse.period(folder), period.description == folder,
                let bytes = try? FileOperations.read(outRoot + "/" + folder + "/changes.csv"),
                let document = try? CSVDocument.read(bytes: bytes),
                let header = document.records.first?.fields, header.starts(with: ChangesTable.columns.prefix(8))
            else { continue }
            let changes = document.records.dropFirst().compactMap { record -> PublishedChange? in
                let cells = record.fields
                guard cells.count >= 8 else { return nil }
                func cell(_ index: Int) -> String? { index < cells.count && !cells[index].isEmpty ? cells[index] : nil }
                return PublishedChange(
                    indicator: cells[0], scope: cells[1], scopeId: cells[2], field: cells[3], old: cells[4], new: cells[5],
                    oldDisplay: cell(8), newDisplay: cell(9), publishedBefore: cells[6], publishedNow: cells[7])
            }
            if !changes.isEmpty { found.append((period, changes)) }
        }
        return found
    }
}
