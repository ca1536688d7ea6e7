/// A point on the map.
public struct Location: Codable, Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double
    /// Metres of uncertainty, 0 to 1500.
    public var horizontalAccuracy: Double?
    /// Seconds a live location keeps updating.
    public var livePeriod: Int?

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    enum CodingKeys: String, CodingKey {
        case latitude, longitude
        case horizontalAccuracy = "horizontal_accuracy"
        case livePeriod = "live_period"
    }
}
