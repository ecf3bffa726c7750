import Foundation
import Hummingbird

/// Answers a request that matched no file with the theme's `404.html` and status 404, as a
/// static host would, so the preview shows the archive's own not-found page.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let siteFolder: URL
    let injected: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            let page = siteFolder.appendingPathComponent("404.html")
            guard let data = try? Data(contentsOf: page) else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
            }
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(data) + Array(injected.utf8))))
        }
    }
}

/// The live-reload script that `serve` (and only `serve`) adds to pages.
enum LiveReloadScript {
    /// What is appended to each HTML page.
    static let tag = "\n<script src=\"/_broadsheet/live.js\"></script>\n"

    /// `Resources/live.js`.
    static let source: String = {
        guard let url = Bundle.module.url(forResource: "live", withExtension: "js"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("live.js is missing from this build of broadsheet; rebuild it with swift build")
        }
        return text
    }()
}
