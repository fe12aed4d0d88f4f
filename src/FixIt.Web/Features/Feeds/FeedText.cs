namespace FixIt.Web.Features.Feeds;

/// <summary>The words FixIt writes in its Atom feeds (titles, entry summaries), by the request's language, from
/// <c>Resources/Features/Feeds/FeedText(.cy).resx</c>; report titles and names stay as written.</summary>
internal sealed class FeedText;
