namespace FixIt.Web.Features.Privacy;

/// <summary>The resource class of "My reports" (the address form and its link page). Resources/Features/Privacy/PrivacyPages(.cy).resx.</summary>
internal sealed class PrivacyPages;
