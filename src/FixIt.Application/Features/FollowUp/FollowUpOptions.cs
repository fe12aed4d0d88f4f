namespace FixIt.Application.Features.FollowUp;

/// <summary>Bound from "FollowUp": when the scheduled jobs act. Every interval is a TimeSpan ("7.00:00:00"); checked at start.</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUp";

    /// <summary>False where this instance should not run the scheduled jobs (another instance does).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often each job looks for due work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Items one run of a job takes at most, in one transaction; a full batch is followed by another run at once.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Reminders to the operator's contact when a sent report is not acknowledged within the operator's target.</summary>
    public int MaxReminders { get; set; } = 2;

    /// <summary>Time between reminders, and from the last reminder to the escalation.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After sending (and again after each questionnaire), a report still open asks its reporter whether it is fixed.</summary>
    public TimeSpan QuestionnaireAfter { get; set; } = TimeSpan.FromDays(28);

    /// <summary>After an operator marks a report fixed, its reporter is asked to confirm.</summary>
    public TimeSpan ConfirmFixedAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Reports (with their photos) and follower subscriptions never confirmed are deleted after this.</summary>
    public TimeSpan UnconfirmedExpireAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a questionnaire link and a "still not fixed" link work.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Every bad setting, each naming its key.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("PollInterval", PollInterval), ("ReminderInterval", ReminderInterval),
            ("QuestionnaireAfter", QuestionnaireAfter), ("ConfirmFixedAfter", ConfirmFixedAfter),
            ("UnconfirmedExpireAfter", UnconfirmedExpireAfter), ("LinkLifetime", LinkLifetime) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"FollowUp:{name} must be positive.";
            }
        }

        if (PollInterval > TimeSpan.FromDays(1))
        {
            yield return "FollowUp:PollInterval must be at most one day.";
        }

        if (BatchSize is < 1 or > 1000)
        {
            yield return "FollowUp:BatchSize must be between 1 and 1000.";
        }

        if (MaxReminders is < 1 or > 10)
        {
            yield return "FollowUp:MaxReminders must be between 1 and 10.";
        }
    }
}
