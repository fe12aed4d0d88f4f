namespace FixIt.Web.Features.Admin;

/// <summary>Bound from "AdminImport": limits on uploaded and command-line import files.</summary>
public sealed class AdminImportOptions
{
    public const string SectionName = "AdminImport";

    /// <summary>Largest area or rules file accepted; read as a stream and refused once past this.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;
}
