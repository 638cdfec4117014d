using Arb.Bybit.MarketData;
using Arb.Bybit.Rest;
using Arb.Bybit.Streams;
using Arb.Cli.Record;
using Arb.Cli.Settings;
using Arb.Cli.Trading;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Run;

/// <summary>
/// The market-data part of <c>arbbot run</c>: both public streams of the configured deployment, books kept
/// current, and a periodic summary of what the bot sees. Runs until cancelled.
/// </summary>
internal sealed partial class MarketDataRunner(BotSettings settings, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<MarketDataRunner>();

    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(5);

    public MarketDataPipeline? Pipeline { get; private set; }

    /// <summary>Optional: records what is streamed (<c>arbbot record</c>, <c>run --record</c>); started and stopped by its owner.</summary>
    public MarketRecorder? Recorder { get; init; }

    public async Task RunAsync(CancellationToken ct)
    {
        var endpoints = settings.Exchange.ResolveEndpoints();
        var market = settings.MarketData;
        PublicStreamOptions Options(MarketCategory category, Uri endpoint) => new()
        {
            Endpoint = endpoint,
            Category = category,
            Symbols = market.Symbols,
            Depth = market.OrderBookDepth,
            SubscribeTickers = category == MarketCategory.Linear,
            LivenessTimeout = market.LivenessTimeout,
        };

        IMarketDataListener listener = new MarketSummaryListener(time, SummaryInterval, loggers.CreateLogger<MarketSummaryListener>());
        Pipeline = new MarketDataPipeline(
            Options(MarketCategory.Spot, endpoints.PublicSpot),
            Options(MarketCategory.Linear, endpoints.PublicLinear),
            Recorder is null ? listener : new FanOutListener(Recorder, listener),
            time,
            loggers)
        {
            RawFrames = Recorder,
        };

        LogStarting(string.Join(',', market.Symbols), market.OrderBookDepth, endpoints.PublicSpot, endpoints.PublicLinear);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var rest = new BybitRestClient(http, new BybitRestOptions(endpoints.Rest), time, loggers.CreateLogger<BybitRestClient>());
        var check = new InstrumentCheck(rest, _logger).RunAsync(market.Symbols, ct);
        try
        {
            await Pipeline.RunAsync(ct);
        }
        finally
        {
            await ((Task)check).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var stats in new[] { Pipeline.Spot.Stats, Pipeline.Linear.Stats })
            {
                LogStats(stats.Stream, stats.Messages, stats.MalformedMessages, stats.Reconnects, stats.Resyncs);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "streaming {Symbols} (depth {Depth}) from {Spot} and {Linear}")]
    private partial void LogStarting(string symbols, int depth, Uri spot, Uri linear);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stream} stream: {Messages} messages, {Malformed} malformed, {Reconnects} reconnects, {Resyncs} book resyncs")]
    private partial void LogStats(string stream, long messages, long malformed, long reconnects, long resyncs);
}
