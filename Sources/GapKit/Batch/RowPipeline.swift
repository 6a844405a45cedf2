import Dispatch
import Foundation

/// Hands rows from the thread that reads and matches a CSV to a second thread that counts, scores
/// and writes them, in batches, so both cores work (docs/BATCH.md has the figures).
///
/// The reading side owns the cell matchers and the rejects; the other side owns the aggregator,
/// the respondent ids and respondents.csv. Batches are recycled, so memory stays fixed.
final class RowPipeline: @unchecked Sendable {
    /// Rows of matched cells: `questions` codes per row, then each row's id, group and row number.
    final class Batch: @unchecked Sendable {
        var codes: [UInt8]
        var ids: [String?] = []
        var groups: [[String]] = []
        var rows: [Int] = []
        let questions: Int

        init(rows: Int, questions: Int) {
            self.questions = questions
            codes = [UInt8](repeating: CellMatcher.empty, count: rows * questions)
        }

        var count: Int { rows.count }

        func reset() {
            ids.removeAll(keepingCapacity: true)
            groups.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
        }
    }

    static let rowsPerBatch = 2048
    private let questions: Int
    private let lock = NSLock()
    private var free: [Batch], full: [Batch?] = []
    private let freeCount: DispatchSemaphore, fullCount = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
    private var failure: (any Error)?
    /// The batch the reading side is filling.
    private(set) var current: Batch
    /// Called for every row on the consuming thread; only that thread calls it.
    private let consume: (UnsafeMutableBufferPointer<UInt8>, String?, [String], Int) throws -> Void

    /// Starts the consuming thread; `consume` is called for every row, on that thread, in order.
    init(questions: Int, consume: @escaping (UnsafeMutableBufferPointer<UInt8>, String?, [String], Int) throws -> Void) {
        self.questions = questions
        self.consume = consume
        let batches = (0..<4).map { _ in Batch(rows: Self.rowsPerBatch, questions: questions) }
        current = batches[0]
        free = Array(batches.dropFirst())
        freeCount = DispatchSemaphore(value: batches.count - 1)
        let thread = Thread { [self] in
            while true {
                fullCount.wait()
                let next = lock.withLock { full.removeFirst() }
                guard let batch = next else { break }
                if lock.withLock({ failure == nil }) {
                    do {
                        try batch.codes.withUnsafeMutableBufferPointer { codes in
                            for index in 0..<batch.count {
                                let row = UnsafeMutableBufferPointer(rebasing: codes[index * questions ..< (index + 1) * questions])
                                try self.consume(row, batch.ids[index], batch.groups[index], batch.rows[index])
                            }
                        }
                    } catch {
                        lock.withLock { failure = error }
                    }
                }
                batch.reset()
                lock.withLock { free.append(batch) }
                freeCount.signal()
            }
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The codes of the row being read: all `empty` until the reader sets them.
    func nextRow() -> UnsafeMutableBufferPointer<UInt8> {
        let start = current.count * questions
        return current.codes.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[start ..< start + questions]) }
    }

    /// Ends the row being read; hands the batch over when it is full.
    func commit(id: String?, group: [String], row: Int) throws {
        current.ids.append(id)
        current.groups.append(group)
        current.rows.append(row)
        if current.count == Self.rowsPerBatch { try handOver() }
    }

    private func handOver() throws {
        lock.withLock { full.append(current) }
        fullCount.signal()
        freeCount.wait()
        current = lock.withLock { free.removeLast() }
        current.codes.withUnsafeMutableBufferPointer { $0.update(repeating: CellMatcher.empty) }
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Hands over the last rows, waits for the other thread to finish them, and rethrows its error.
    func finish() throws {
        if current.count > 0 {
            lock.withLock { full.append(current) }
            fullCount.signal()
        }
        lock.withLock { full.append(nil) }
        fullCount.signal()
        done.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
