namespace FixIt.Web.Components;

/// <summary>
/// The resource class of the words every public page shares: the layout (Shell), the language switcher, the error and
/// link-problem pages, the shared forms and lists, status words and figures. Resources/Components/SharedText(.cy).resx.
/// </summary>
internal sealed class SharedText;
