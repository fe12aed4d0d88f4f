namespace FixIt.Domain.Reports;

/// <summary>One answer to a category's extra question; a multi-valued answer is several of these.</summary>
public sealed class ReportAttribute(string code, string value)
{
    public string Code { get; private set; } = code;

    public string Value { get; private set; } = value;
}
