namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>
/// A photo attached to an emailed update, already re-encoded and written to the photos folder: the sender's file name
/// (cleaned), the published content type, its size in bytes and the key it is stored under. Becomes an UpdatePhoto.
/// The web form's photos are the processor's StoredPhoto instead.
/// </summary>
public sealed record EmailedPhoto(string FileName, string ContentType, long Length, string StoredName);
