import VioCore

/// Payments: the user is about to pay; answer within 10 seconds.
public struct PreCheckoutQuery: Decodable, Hashable, Sendable {
    public var id: String
    public var from: User
    /// ISO 4217, or `XTR` for Telegram Stars.
    public var currency: String
    /// In the currency's smallest unit.
    public var totalAmount: Int64
    public var invoicePayload: String
    public var shippingOptionID: String?
    /// Name, phone, email and address the user gave, as sent.
    public var orderInfo: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, from, currency
        case totalAmount = "total_amount"
        case invoicePayload = "invoice_payload"
        case shippingOptionID = "shipping_option_id"
        case orderInfo = "order_info"
    }
}
