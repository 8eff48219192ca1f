using Ats.Domain.Tokens;

namespace Ats.Web.Api.Xapi;

/// At start (after the database is migrated): loads the JWT signing key, which encrypts a plaintext key an older
/// version left in the database, or makes the first one.
public sealed class SigningKeyStartup(JwtTokens jwt) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => jwt.PrepareAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
