namespace FixIt.Web.Features.OperatorConsole;

/// <summary>The resource class of the operator console's pages and messages. Resources/Features/OperatorConsole/OperatorConsolePages(.cy).resx.</summary>
internal sealed class OperatorConsolePages;
