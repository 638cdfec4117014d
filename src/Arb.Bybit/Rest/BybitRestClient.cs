using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Arb.Bybit.Rest;

/// <summary>
/// The Bybit V5 REST client: public market data (<see cref="Market"/>), signed account queries
/// (<see cref="Account"/>), orders (<see cref="Trading"/>), linear positions (<see cref="Positions"/>) and the general
/// <see cref="SendPublicAsync"/> / <see cref="SendSignedAsync"/> that further endpoints build on. Thread-safe. The <see cref="HttpClient"/> stays the caller's to dispose.
/// </summary>
public sealed class BybitRestClient
{
    private readonly RestTransport _transport;

    public BybitRestClient(HttpClient http, BybitRestOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        var log = logger ?? NullLogger.Instance;
        Options = options;
        RateLimits = new RateLimitTracker();
        // The clock samples through Market, which needs the transport, which signs with the clock:
        // the method group defers the lookup until the first sync, after construction.
        Clock = new ServerClock(timeProvider, SampleServerTimeAsync, log);
        _transport = new RestTransport(http, options, timeProvider, Clock, RateLimits, log);
        Market = new BybitMarketApi(this);
        Account = new BybitAccountApi(this);
        Trading = new BybitTradingApi(this);
        Positions = new BybitPositionApi(this);
    }

    public BybitRestOptions Options { get; }

    /// <summary>The exchange clock used to stamp signed requests.</summary>
    public ServerClock Clock { get; }

    /// <summary>The last rate-limit headers seen per endpoint path.</summary>
    public RateLimitTracker RateLimits { get; }

    public BybitMarketApi Market { get; }

    public BybitAccountApi Account { get; }

    /// <summary>Order entry, order status and executions.</summary>
    public BybitTradingApi Trading { get; }

    /// <summary>Linear positions, leverage and position mode.</summary>
    public BybitPositionApi Positions { get; }

    /// <summary>Called after each answered request with its endpoint ("METHOD /path") and round trip; must not block.</summary>
    public Action<string, TimeSpan>? RequestCompleted
    {
        get => _transport.Completed;
        set => _transport.Completed = value;
    }

    /// <summary>Whether signed endpoints can be called.</summary>
    public bool HasCredentials => _transport.HasCredentials;

    /// <summary>Sends an unsigned request (market data).</summary>
    /// <exception cref="BybitRestException">The call failed after any retries; see the derived types.</exception>
    public Task<BybitResponse> SendPublicAsync(BybitRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendAsync(request, signed: false, ct);
    }

    /// <summary>
    /// Sends a request signed with the configured credentials: the exact query string of a GET or the
    /// exact JSON body of a POST, stamped with <see cref="Clock"/>. Syncs the clock first if it never was.
    /// </summary>
    /// <exception cref="InvalidOperationException">No credentials are configured.</exception>
    /// <exception cref="BybitRestException">The call failed after any retries; see the derived types.</exception>
    public Task<BybitResponse> SendSignedAsync(BybitRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendAsync(request, signed: true, ct);
    }

    private Task<ServerTimeSample> SampleServerTimeAsync(CancellationToken ct) => Market.SampleServerTimeAsync(ct);
}
