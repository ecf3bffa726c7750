import Hummingbird

/// Gives each issue's published Markdown (`issues/<slug>/index.md`) the type
/// `text/markdown; charset=utf-8`, which Hummingbird's `FileMiddleware` does not know, so
/// the page's "Markdown source" link shows the text in the browser as a static host would,
/// instead of a download with no type.
struct MarkdownContentType<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path.hasSuffix(".md"), response.status == .ok || response.status == .partialContent,
           response.headers[.contentType] == nil {
            response.headers[.contentType] = "text/markdown; charset=utf-8"
        }
        return response
    }
}
