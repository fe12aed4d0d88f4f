namespace FixIt.Web.Features.Operators;

/// <summary>The resource class of /operators and each operator's page. Resources/Features/Operators/OperatorPages(.cy).resx.</summary>
internal sealed class OperatorPages;
