import Foundation
import VioCore

/// A lolicon-style picture API (`SETU_API_URL`, default `https://api.lolicon.app/setu/v2`).
///
/// One POST with JSON `{"r18":0,"num":1,"tag":[…],"size":["regular"],"proxy":"i.pixiv.re","excludeAI":true}`;
/// the answer's `data[].urls.regular` are the pictures.
struct PictureAPI: Sendable {
    /// One picture the API found.
    struct Picture: Hashable, Sendable {
        var url: URL
        var title: String
        var author: String
        var pid: Int64?
    }

    let url: URL
    let transport: any HTTPTransport
    /// The largest answer read: a few pictures' metadata is a few KiB.
    static let maximumAnswerSize = 1 << 20

    /// The pictures for `tags` (every tag must match); empty when none match.
    /// - Throws: ``FeatureError/pictureAPIFailed(reason:)`` when the API fails or answers something else.
    func pictures(tags: [String], r18: Bool) async throws -> [Picture] {
        let request = HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"],
                                  body: try Self.body(tags: tags, r18: r18), timeout: .seconds(20), maximumBodySize: Self.maximumAnswerSize)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch TransportError.cancelled {
            throw CancellationError()
        } catch {
            throw FeatureError.pictureAPIFailed(reason: "\(error)")
        }
        guard response.isSuccess else { throw FeatureError.pictureAPIFailed(reason: "HTTP \(response.status) from \(url.host ?? "")") }
        let answer: ResponseBody
        do {
            answer = try JSONDecoder().decode(ResponseBody.self, from: response.body)
        } catch {
            throw FeatureError.pictureAPIFailed(reason: "unreadable answer (\(error))")
        }
        if let error = answer.error, !error.isEmpty { throw FeatureError.pictureAPIFailed(reason: "the API said: \(error)") }
        return (answer.data ?? []).compactMap { item in
            guard let link = item.urls?["regular"], let url = URL(string: link) else { return nil }
            return Picture(url: url, title: item.title ?? "", author: item.author ?? "", pid: item.pid)
        }
    }

    /// The request body, its fields in the documented order (JSONEncoder would shuffle them).
    static func body(tags: [String], r18: Bool) throws -> Data {
        let tagList = String(decoding: try JSONEncoder().encode(tags), as: UTF8.self)
        let text = #"{"r18":\#(r18 ? 1 : 0),"num":1,"tag":\#(tagList),"size":["regular"],"proxy":"i.pixiv.re","excludeAI":true}"#
        return Data(text.utf8)
    }

    private struct ResponseBody: Decodable {
        var error: String?
        var data: [Item]?

        struct Item: Decodable {
            var pid: Int64?
            var title: String?
            var author: String?
            var urls: [String: String]?
        }
    }
}
