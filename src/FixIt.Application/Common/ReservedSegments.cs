namespace FixIt.Application.Common;

/// <summary>
/// The literal path segments the console and the admin API use beside an operator's slug or a category's code
/// (<c>/admin/operators/new</c>, <c>/admin/categories/new</c>, <c>/admin/categories/preview</c>): a slug or code spelled
/// like one would name a page that can never be reached, so the validators refuse them (ADR 0209).
/// </summary>
public static class ReservedSegments
{
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(["new", "preview"], StringComparer.OrdinalIgnoreCase);

    public static bool IsReserved(string? value) => value is not null && Words.Contains(value.Trim());
}
