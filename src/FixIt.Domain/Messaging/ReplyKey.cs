namespace FixIt.Domain.Messaging;

/// <summary>Whom a reply address was given to; what arrives under it may act only as that recipient.</summary>
public enum ReplyKeyHolder
{
    /// <summary>The operator's contact: may publish the operator's answer and change the status.</summary>
    Operator,

    /// <summary>The reporter: may add the reporter's own update.</summary>
    Reporter,

    /// <summary>Someone following the report: a reply is kept for admins, never published.</summary>
    Follower,
}

/// <summary>
/// The key of one reply address (reply+KEY@reply domain): one report and one recipient. It is written only into
/// mail to that recipient, so an address read from someone else's mail never speaks for anyone but them.
/// </summary>
public sealed class ReplyKey
{
    private ReplyKey()
    {
    }

    public long Id { get; private set; }

    /// <summary>Lower-case base32, random, unique.</summary>
    public string Key { get; private set; } = "";

    public int ReportId { get; private set; }

    public ReplyKeyHolder Holder { get; private set; }

    /// <summary>For <see cref="ReplyKeyHolder.Operator"/>: the operator the key was given to.</summary>
    public int? OperatorId { get; private set; }

    /// <summary>For <see cref="ReplyKeyHolder.Operator"/>: the contact the mail went to, for the record (null for keys from before keys were per recipient).</summary>
    public int? ContactId { get; private set; }

    /// <summary>For <see cref="ReplyKeyHolder.Follower"/>: the subscription the mail went to.</summary>
    public long? SubscriptionId { get; private set; }

    /// <summary>The address the key was written to; empty for keys from before keys were per recipient.</summary>
    public string Address { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The holder was erased: the key stays (mail under it is held for an admin), the address does not.</summary>
    public void ForgetAddress() => Address = "";

    public static ReplyKey ForOperator(string key, int reportId, int operatorId, int contactId, string address, DateTimeOffset now) =>
        new() { Key = key, ReportId = reportId, Holder = ReplyKeyHolder.Operator, OperatorId = operatorId, ContactId = contactId, Address = address, CreatedAt = now };

    public static ReplyKey ForReporter(string key, int reportId, string address, DateTimeOffset now) =>
        new() { Key = key, ReportId = reportId, Holder = ReplyKeyHolder.Reporter, Address = address, CreatedAt = now };

    public static ReplyKey ForFollower(string key, ReportSubscription subscription, DateTimeOffset now) =>
        new() { Key = key, ReportId = subscription.ReportId, Holder = ReplyKeyHolder.Follower, SubscriptionId = subscription.Id, Address = subscription.Email, CreatedAt = now };
}
