using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.ApiKeys;

/// <summary>Creates an API key; the returned key is the only time it is ever seen.</summary>
public sealed record CreateApiKeyCommand(string? Name, ApiKeyRole Role, string? OperatorSlug) : ICommand<CreatedApiKey>;

public sealed record CreatedApiKey(int Id, string Name, ApiKeyRole Role, string Key);

/// <summary>Revokes the API key of that name; requests with it get 401 from then on.</summary>
public sealed record RevokeApiKeyCommand(string? Name) : ICommand<bool>;

internal sealed class CreateApiKeyHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        int? operatorId = command.Role == ApiKeyRole.Operator
            ? await db.Operators.Where(o => o.Slug == command.OperatorSlug).Select(o => o.Id).SingleAsync(cancellationToken)
            : null;
        var key = ApiKeyHash.NewKey();
        var entity = new ApiKey
        {
            Name = command.Name!.Trim(), KeyHash = ApiKeyHash.Of(key), Role = command.Role, OperatorId = operatorId, CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, key);
    }
}

internal sealed class RevokeApiKeyHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand, bool>
{
    public async ValueTask<bool> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == command.Name, cancellationToken)
            ?? throw new NotFoundException("API key", command.Name ?? "");
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator(IFixItDb db)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100).SingleLine()
            .MustAsync(async (name, ct) => !await db.ApiKeys.AnyAsync(k => k.Name == name!.Trim(), ct))
            .WithMessage("An API key named '{PropertyValue}' already exists.");
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.OperatorSlug).NotEmpty().When(c => c.Role == ApiKeyRole.Operator)
            .WithMessage("An operator key needs --operator SLUG.");
        RuleFor(c => c.OperatorSlug)
            .MustAsync((slug, ct) => db.Operators.AnyAsync(o => o.Slug == slug, ct))
            .When(c => c.Role == ApiKeyRole.Operator && !string.IsNullOrEmpty(c.OperatorSlug))
            .WithMessage("There is no operator '{PropertyValue}'.");
        RuleFor(c => c.OperatorSlug).Empty().When(c => c.Role == ApiKeyRole.Admin)
            .WithMessage("An admin key is not scoped to an operator; leave out --operator.");
    }
}

internal sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyValidator() => RuleFor(c => c.Name).NotEmpty();
}
