/// A native, editable Office chart (DrawingML): bars or a radar over named categories.
struct Chart {
    enum Kind {
        /// Horizontal bars (categories down the side) or vertical columns.
        case bar(horizontal: Bool)
        case radar
    }

    struct Series {
        var name: String
        /// nil leaves a gap (nothing answered).
        var values: [Double?]
        /// `RRGGBB`.
        var color: String
        /// A colour per point (bars coloured by status); nil points keep `color`.
        var pointColors: [String?] = []
        /// Shows each value on its bar or point.
        var labels = true
        /// Draws the series as a dashed line without markers (a threshold on a radar).
        var dashed = false
    }

    var kind: Kind
    var title: String
    var categories: [String]
    var series: [Series]
    /// Values are shares of 1, shown as percentages on a 0–100 % axis.
    var percent = true
    var showLegend = false
}
