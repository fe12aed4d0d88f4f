using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Common;

/// <summary>
/// The names validation messages give fields ("'Reporter Name' must not be empty."), in the current UI culture, from
/// <c>Resources/Common/FieldNames(.cy).resx</c>. The key is the English display name (FluentValidation's split property
/// name or a validator's <c>WithName</c>); a name not in the resources (an API's own parameter: <c>q</c>,
/// <c>first_name</c>, <c>attribute[size]</c>) is shown as it is. The field keys of ProblemDetails <c>errors</c> never change.
/// </summary>
public static class FieldNames
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(FieldNames));

    /// <summary>The field's name in the current UI culture, or <paramref name="name"/> itself.</summary>
    public static string Of(string name)
    {
        var found = Localizer[name];
        return found.ResourceNotFound ? name : found.Value;
    }
}
