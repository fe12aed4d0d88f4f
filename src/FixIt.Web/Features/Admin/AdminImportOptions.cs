namespace FixIt.Web.Features.Admin;

/// <summary>Bound from "AdminImport": limits on uploaded and command-line import files.</summary>
public sealed class AdminImportOptions
{
    public const string SectionName = "AdminImport";

    /// <summary>Largest area or rules file accepted; read as a stream and refused once past this.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest file the console's upload forms take (areas, rules): a browser upload is kept until it is imported.</summary>
    public long MaxUploadBytes { get; set; } = 30L * 1024 * 1024;
}
