namespace FixIt.Web.Features.Moderation;

/// <summary>
/// The resource class of the moderation staff pages (flag queue, audit log, block list, the moderator tools on a report) and
/// their messages. Resources/Features/Moderation/ModerationStaffPages(.cy).resx. (<see cref="ModerationPages"/> is the pages' access rule.)
/// </summary>
internal sealed class ModerationStaffPages;
