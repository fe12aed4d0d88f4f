namespace FixIt.Web.Features.Open311;

/// <summary>An Open311 document in the format the path asked for (.json or .xml).</summary>
internal sealed class Open311Result(Open311Document document, string format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Open311Document Document { get; } = document;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var xml = format == "xml";
        var body = xml ? Open311Writer.Xml(Document) : Open311Writer.Json(Document);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = xml ? Open311Writer.XmlContentType : Open311Writer.JsonContentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
