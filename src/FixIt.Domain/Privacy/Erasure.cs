namespace FixIt.Domain.Privacy;

/// <summary>Who asked for an erasure.</summary>
public enum ErasureRequester
{
    /// <summary>The resident, from "My reports".</summary>
    Resident,

    /// <summary>An admin, on the person's behalf (admin API).</summary>
    Admin,
}

/// <summary>
/// The record that a person's data was erased, without the person: a keyed hash (HMAC-SHA256) of the normalised
/// address, so that a later report from the same address can be matched to the erasure only by someone holding the
/// key who chooses to, and the row itself says nothing about whom it was.
/// </summary>
public sealed class Erasure
{
    private Erasure()
    {
    }

    public Erasure(string addressHash, ErasureRequester requestedBy, int reports, DateTimeOffset at)
    {
        AddressHash = addressHash;
        RequestedBy = requestedBy;
        Reports = reports;
        ErasedAt = at;
    }

    public long Id { get; private set; }

    /// <summary>Lower-case hex HMAC-SHA256 of the lower-cased, normalised address under Privacy:ErasureHashKey.</summary>
    public string AddressHash { get; private set; } = "";

    public ErasureRequester RequestedBy { get; private set; }

    /// <summary>How many reports were anonymised.</summary>
    public int Reports { get; private set; }

    public DateTimeOffset ErasedAt { get; private set; }
}
