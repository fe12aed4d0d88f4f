namespace FixIt.Domain.Reports;

/// <summary>
/// One area (<see cref="Areas.Area"/>) that contained the report's point when it was last routed: a row per area,
/// so "reports in area 7" is an index lookup. Written by routing, never by hand.
/// </summary>
public sealed class ReportArea
{
    private ReportArea()
    {
    }

    internal ReportArea(int areaId) => AreaId = areaId;

    public int ReportId { get; private set; }

    public int AreaId { get; private set; }
}
