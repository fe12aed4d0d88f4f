using FixIt.Infrastructure.Spatial;

namespace FixIt.Web.Features.Admin;

/// <summary>Bound from "AdminImport": limits on uploaded and command-line import files.</summary>
public sealed class AdminImportOptions
{
    public const string SectionName = "AdminImport";

    /// <summary>Largest area or rules file accepted; read as a stream and refused once past this.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest file the console's upload forms take (areas, rules): a browser upload is kept until it is imported.</summary>
    public long MaxUploadBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>Most vertices one area import decodes, all features together (a TopoJSON arc counts once for each polygon naming it).</summary>
    public long MaxVertices { get; set; } = FeatureFileLimits.DefaultMaxVertices;

    /// <summary>Most vertices of one feature.</summary>
    public long MaxVerticesPerFeature { get; set; } = FeatureFileLimits.DefaultMaxVerticesPerFeature;

    /// <summary>The limits of a file sent to the admin API or named on the command line.</summary>
    public FeatureFileLimits FileLimits() => new(MaxFileBytes, MaxVertices, MaxVerticesPerFeature);

    /// <summary>The limits of a file uploaded on a console page.</summary>
    public FeatureFileLimits UploadLimits() => new(MaxUploadBytes, MaxVertices, MaxVerticesPerFeature);
}
