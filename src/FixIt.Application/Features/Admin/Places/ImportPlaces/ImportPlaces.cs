using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Domain.Places;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Places.ImportPlaces;

/// <summary>One place as a gazetteer file gives it, still as text, with the line it is on.</summary>
public sealed record PlaceRow(long Line, string? Name, string? Kind, string? Code, string? Latitude, string? Longitude, string? Population)
{
    /// <summary>Set by the reader when the line could not be split into fields at all.</summary>
    public string? Problem { get; init; }
}

/// <summary>
/// Adds the places of a gazetteer file, replacing those an earlier import of the same <paramref name="Source"/> added.
/// The rows are read as they are saved (a GeoNames file has millions); <paramref name="OpenRows"/> starts them from
/// the beginning, so a retried attempt reads the file again. All or nothing: one bad line and none is kept.
/// </summary>
public sealed record ImportPlacesCommand(string Source, Func<CancellationToken, IAsyncEnumerable<PlaceRow>> OpenRows) : ICommand<ImportedPlaces>;

public sealed record ImportedPlaces(long Added, int Replaced);

internal sealed class ImportPlacesHandler(IFixItDb db, IPlaceStore store) : ICommandHandler<ImportPlacesCommand, ImportedPlaces>
{
    private const int BatchSize = 2_000;
    private const int MaxErrorsListed = 20;

    public async ValueTask<ImportedPlaces> Handle(ImportPlacesCommand command, CancellationToken cancellationToken)
    {
        var replaced = await db.Places.CountAsync(p => p.Source == command.Source, cancellationToken);
        await db.PlaceKeys.Where(k => db.Places.Any(p => p.Id == k.PlaceId && p.Source == command.Source)).ExecuteDeleteAsync(cancellationToken);
        await db.Places.Where(p => p.Source == command.Source).ExecuteDeleteAsync(cancellationToken);

        var errors = new List<ValidationFailure>();
        long badLines = 0;
        long added = 0;
        var batch = new List<Place>(BatchSize);
        await foreach (var row in command.OpenRows(cancellationToken).WithCancellation(cancellationToken))
        {
            if (PlaceRowRules.Check(row) is { } message)
            {
                // Read on to the end: the administrator fixes every bad line in one go. Nothing more is saved.
                if (++badLines <= MaxErrorsListed)
                {
                    errors.Add(new ValidationFailure($"line {row.Line}", $"Line {row.Line}: {message}"));
                }

                continue;
            }

            if (errors.Count > 0)
            {
                continue;
            }

            batch.Add(PlaceRowRules.ToPlace(row, command.Source));
            if (batch.Count == BatchSize)
            {
                added += await FlushAsync(batch, cancellationToken);
            }
        }

        if (badLines > MaxErrorsListed)
        {
            errors.Add(new ValidationFailure("file", $"{(badLines - MaxErrorsListed).ToString(CultureInfo.InvariantCulture)} more bad lines not listed."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        added += await FlushAsync(batch, cancellationToken);
        if (added == 0)
        {
            throw new ValidationException([new ValidationFailure("file", "The file has no places.")]);
        }

        return new ImportedPlaces(added, replaced);
    }

    private async Task<int> FlushAsync(List<Place> batch, CancellationToken cancellationToken)
    {
        var count = batch.Count;
        if (count > 0)
        {
            await store.AddAsync(batch, cancellationToken);
            batch.Clear();
        }

        return count;
    }
}
