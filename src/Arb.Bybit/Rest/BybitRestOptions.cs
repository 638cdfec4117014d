namespace Arb.Bybit.Rest;

/// <summary>How the REST client reaches Bybit and how patiently it retries.</summary>
/// <param name="BaseUri">REST base address, e.g. <c>https://api.bybit.com</c> or the simulator's loopback address.</param>
public sealed record BybitRestOptions(Uri BaseUri)
{
    /// <summary>Key and secret for signed endpoints; null allows public endpoints only.</summary>
    public ApiCredentials? Credentials { get; init; }

    /// <summary>How long after its timestamp the exchange still accepts a signed request (<c>X-BAPI-RECV-WINDOW</c>).</summary>
    public int RecvWindowMs { get; init; } = 5000;

    /// <summary>Retries after the first attempt of a retryable request.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; each further retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap on any single wait: backoff, <c>Retry-After</c> or a rate-limit reset.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUri);
        if (!BaseUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"BaseUri must be absolute, got '{BaseUri}'.", nameof(BaseUri));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RecvWindowMs, 1, nameof(RecvWindowMs));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay, nameof(RetryMaxDelay));
    }
}
