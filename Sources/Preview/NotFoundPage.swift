import Foundation
import Hummingbird

/// Answers a request that matched no file with the theme's `404.html` and status 404, as a
/// static host would, so the preview shows the archive's own not-found page.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    /// Where `404.html` is read, with the live-reload script added as to every page.
    let files: PreviewFiles

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            guard let page = files.getFileIdentifier("/404.html"), let bytes = try? files.page(page) else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
            }
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
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
