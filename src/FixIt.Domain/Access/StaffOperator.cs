namespace FixIt.Domain.Access;

/// <summary>
/// One operator a member of operator staff works for: a staff account with the operator role may act on that operator's
/// reports (and only theirs). A person may work for several operators, one row each.
/// </summary>
public sealed class StaffOperator
{
    private StaffOperator()
    {
    }

    public StaffOperator(int staffUserId, int operatorId)
    {
        StaffUserId = staffUserId;
        OperatorId = operatorId;
    }

    public int StaffUserId { get; private set; }

    public int OperatorId { get; private set; }
}
