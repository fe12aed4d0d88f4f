namespace FixIt.Web.Features.Moderation.FlagItem;

/// <summary>The resource class of the public "report this as inappropriate" form. Resources/Features/Moderation/FlagItem/FlagPages(.cy).resx.</summary>
internal sealed class FlagPages;
