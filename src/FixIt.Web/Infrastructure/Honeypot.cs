namespace FixIt.Web.Infrastructure;

/// <summary>
/// The public forms' honeypot (<c>HoneypotField</c>): a field hidden from people, so a value in it means a bot. Such a
/// post gets the answer a real one gets, and nothing is stored or sent.
/// </summary>
internal static partial class Honeypot
{
    /// <summary>A name form-filling bots like to fill in.</summary>
    public const string FieldName = "website";

    public static bool Caught(IFormCollection form, HttpContext context)
    {
        if (string.IsNullOrEmpty(form[FieldName].ToString()))
        {
            return false;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Honeypot).FullName!);
        LogCaught(logger, context.Request.Path);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Honeypot field filled on {Path}; answered as usual, nothing stored or sent")]
    private static partial void LogCaught(ILogger logger, PathString path);
}
