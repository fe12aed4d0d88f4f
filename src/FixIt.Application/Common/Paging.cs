namespace FixIt.Application.Common;

/// <summary>
/// The one page-to-offset computation for every paged list (Open311 requests, the audit log). Done in 64 bits and
/// capped: a page far past the end (page 3,000,000 of 1,000) is an empty page like any other page past the end, never
/// an <c>int</c> that wraps round to the first page or a negative offset.
/// </summary>
public static class Paging
{
    /// <summary>How many rows to skip before page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> rows.</summary>
    public static int Skip(int page, int pageSize)
    {
        var offset = ((long)Math.Max(page, 1) - 1) * Math.Max(pageSize, 0);
        return (int)Math.Min(offset, int.MaxValue);
    }
}
