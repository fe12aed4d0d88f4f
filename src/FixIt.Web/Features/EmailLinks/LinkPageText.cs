namespace FixIt.Web.Features.EmailLinks;

/// <summary>
/// The resource class of the link pages' words (<see cref="LinkPages"/>: the answers to emailed links and to forms
/// that end on a short page, the rate limiter's page and the status-code pages): Resources/Features/EmailLinks/LinkPageText(.cy).resx.
/// A title or message not found here is looked up in <see cref="Components.SharedText"/>, where the first ones were put.
/// </summary>
internal sealed class LinkPageText;
