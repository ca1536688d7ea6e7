/// Payments: the user chose a shipping address for a flexible-price invoice.
public struct ShippingQuery: Decodable, Hashable, Sendable {
    public var id: String
    public var from: User
    public var invoicePayload: String
    public var shippingAddress: ShippingAddress

    enum CodingKeys: String, CodingKey {
        case id, from
        case invoicePayload = "invoice_payload"
        case shippingAddress = "shipping_address"
    }

    /// A postal address.
    public struct ShippingAddress: Decodable, Hashable, Sendable {
        /// ISO 3166-1 alpha-2.
        public var countryCode: String
        public var state: String
        public var city: String
        public var streetLine1: String
        public var streetLine2: String
        public var postCode: String

        enum CodingKeys: String, CodingKey {
            case state, city
            case countryCode = "country_code"
            case streetLine1 = "street_line1"
            case streetLine2 = "street_line2"
            case postCode = "post_code"
        }
    }
}
