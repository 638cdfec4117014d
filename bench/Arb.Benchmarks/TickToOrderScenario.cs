using System.Security.Cryptography;
using Arb.Bybit.MarketData;
using Arb.Bybit.Rest;
using Arb.Bybit.Trading;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Engine.Execution;
using Arb.Engine.Risk;
using Arb.Engine.Trading;
using Arb.Strategy.Edge;
using Arb.Strategy.Sizing;

namespace Arb.Benchmarks;

/// <summary>
/// One coin's tick-to-order path as the live bot runs it, minus the network: a book frame's bytes go through
/// <see cref="PublicStreamProcessor.Process"/> (parse, book), then <see cref="SymbolTrader.OnBookUpdated"/> (basis
/// volatility, sizing, edge features, estimator, gates) and, when that returns a plan, each leg becomes the exact
/// <c>POST /v5/order/create</c> body (<see cref="BybitExecutionVenue.ToRequest"/>, <see cref="OrderRequest.ToJson"/>)
/// and its signature (<see cref="RequestSigner.SignRest"/> stamped by a <see cref="ServerClock"/>), as
/// <c>RequestMessageFactory</c> signs it before sending. Nothing is sent: the plan's slot is released at once.
/// </summary>
/// <remarks>
/// The input is the recorded spot and linear BTCUSDT orderbook.50 snapshots followed by generated deltas in each
/// category's exact frame format (see <see cref="DeltaStream"/>), interleaved spot, linear, spot, ... The spot
/// snapshot is moved by a constant so that the two books stand where the scenario needs them: the spot book
/// inside the perp's spread (basis about 0, every edge far below ENTRY_EDGE_BPS: every message holds), or the
/// spot book about 50 bps under the perp (open edge about 35 bps net of fees and funding: every message opens).
/// The delta streams change sizes near the top and levels deeper in, never the best prices, so each message
/// stays on its side of the threshold, which <see cref="Verify"/> checks message by message.
/// </remarks>
internal sealed class TickToOrderScenario
{
    public const string Symbol = "BTCUSDT";
    public const int DeltasPerCategory = 1000;
    public const decimal EntryEdgeBps = 20m; // the ENTRY_EDGE_BPS default

    /// <summary>Both snapshots and every delta: one pass over the stream.</summary>
    public const int MessagesPerPass = 2 + (2 * DeltasPerCategory);

    private const string ApiKey = "XXXXXXXXXXXXXXXXXX";
    private const int RecvWindowMs = 5000; // the BybitRestOptions default

    // Recorded spot best ask 75848.75, linear best bid 71423.80 / ask 71423.90 (different days).
    private const decimal HoldingSpotShift = -4424.90m; // spot 71423.84 / 71423.85: inside the perp's spread
    private const decimal OpeningSpotShift = -4782.07m; // spot ask 71066.68: the perp bid is 50 bps above it

    private readonly PublicStreamProcessor _processor = new([Symbol], depth: 50);
    private readonly RequestSigner _signer = new("YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY");
    private readonly ServerClock _clock = new(TimeProvider.System, _ => throw new InvalidOperationException("the benchmark's clock is never synced"));
    private readonly SymbolTrader _trader;
    private readonly MarketCategory[] _categories;
    private readonly byte[][] _frames;

    private TickToOrderScenario(bool opening)
    {
        var (spotSnapshot, spotDeltas) = DeltaStream.Create(
            Fixtures.Path("ws_orderbook_spot_snapshot.gocryptotrader.json"), DeltasPerCategory,
            DeltaFormat.Spot with { PriceShift = opening ? OpeningSpotShift : HoldingSpotShift }, seed: 7);
        var (linearSnapshot, linearDeltas) = DeltaStream.Create(
            Fixtures.Path("ws_orderbook_linear_snapshot.thirdparty.json"), DeltasPerCategory, DeltaFormat.Linear, seed: 42);

        _categories = new MarketCategory[MessagesPerPass];
        _frames = new byte[MessagesPerPass][];
        (_categories[0], _frames[0]) = (MarketCategory.Spot, spotSnapshot);
        (_categories[1], _frames[1]) = (MarketCategory.Linear, linearSnapshot);
        for (var i = 0; i < DeltasPerCategory; i++)
        {
            (_categories[2 + (2 * i)], _frames[2 + (2 * i)]) = (MarketCategory.Spot, spotDeltas[i]);
            (_categories[3 + (2 * i)], _frames[3 + (2 * i)]) = (MarketCategory.Linear, linearDeltas[i]);
        }

        // BTCUSDT's rules from the instruments-info fixtures; the fee and risk settings are the bot's defaults,
        // except that nothing throttles: every message that can trade does.
        var spot = new InstrumentSpec(Symbol, MarketCategory.Spot, "Trading", "BTC", "USDT", 0.01m, 0.000001m, 0.000011m, 5m, 41.5m, null);
        var perp = new InstrumentSpec(Symbol, MarketCategory.Linear, "Trading", "BTC", "USDT", 0.10m, 0.001m, 0.001m, 5m, 500m, 480);
        var estimator = new ThresholdEdgeEstimator(EntryEdgeBps, exitEdgeBps: -10m, allowReverse: true);
        var setup = new SymbolSetup(spot, perp, SpotTakerFee: 0.001m, PerpTakerFee: 0.00055m, estimator, SpotCoinAvailable: 1m);
        var options = new EngineOptions
        {
            Sizing = new SizingLimits(accountEquityUsd: 10_000m, riskPerTrade: 0.01m, maxPositionUsd: 1_000m),
            TradeCooldown = TimeSpan.Zero,
            MaxDailyTrades = int.MaxValue,
            BasisVolWindow = 20,
        };
        // The risk check as arbbot run has it: the gate asked on every message (opens allowed, exposure room) and
        // checking and reserving every open; the bot's default limits.
        var risk = new RiskManager(
            new RiskLimits
            {
                MaxPositionUsd = 1_000m,
                MaxExposureUsd = 3_000m,
                MaxDrawdownUsd = 200m,
                MaxRelativeDrawdownUsd = 150m,
                MaxSymbolDrawdownUsd = 100m,
                MaxSymbolRelDrawdownUsd = 75m,
                DailyDrawdownUsd = 100m,
                MaxConsecutiveLosses = 5,
                MaxProfitUsd = 0m,
                ErrorLimit = 5,
            },
            TimeProvider.System);
        _trader = new SymbolTrader(setup, options, new ClientOrderIds(DateTimeOffset.UtcNow), new RiskGate(risk));

        // The perp's funding: the recorded ticker snapshot, through the same processor.
        var ticker = _processor.Process(MarketCategory.Linear, File.ReadAllBytes(Fixtures.Path("ws_tickers_linear_snapshot.gocryptotrader.json")));
        _trader.OnTicker(ticker.Ticker ?? throw new InvalidOperationException($"the ticker fixture gave {ticker.Outcome}"));
    }

    public bool Opening { get; private init; }

    /// <summary>The last order bodies and signatures, kept so that nothing computed is dead.</summary>
    public string SpotBody { get; private set; } = "";

    public string SpotSignature { get; private set; } = "";

    public string PerpBody { get; private set; } = "";

    public string PerpSignature { get; private set; } = "";

    /// <summary>A scenario whose every message holds (<paramref name="opening"/> false) or opens (true), warmed and checked.</summary>
    public static TickToOrderScenario Create(bool opening)
    {
        var scenario = new TickToOrderScenario(opening) { Opening = opening };
        scenario.Verify();
        return scenario;
    }

    /// <summary>
    /// One message, bytes to signed orders: parse and apply it, decide, and when the decision is a trade, build and
    /// sign both legs' requests. Returns 1 when it traded, else 0.
    /// </summary>
    public int Message(int index)
    {
        var result = _processor.Process(_categories[index], _frames[index]);
        if (!result.BookChanged)
        {
            Fail(index, result.Outcome);
        }

        var plan = _trader.OnBookUpdated(result.Book!, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        if (plan is null)
        {
            return 0;
        }

        (SpotBody, SpotSignature) = Signed(plan.Spot);
        (PerpBody, PerpSignature) = Signed(plan.Perp);
        _trader.Completed(plan); // as the executor does when the pair has ended: the slot and reservation are free again
        return 1;
    }

    /// <summary>One pass over the whole stream (the snapshots restart it); returns the number of messages that traded.</summary>
    public int Pass()
    {
        var trades = 0;
        for (var i = 0; i < MessagesPerPass; i++)
        {
            trades += Message(i);
        }

        return trades;
    }

    /// <summary>Where the books stand after the last message, as the status view would show it.</summary>
    public string Describe()
    {
        var status = _trader.Status(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        return $"{(Opening ? "opening" : "holding")} books: basis {status.BasisBps} bps, open edge {status.OpenEdgeBps} bps, "
            + $"reverse edge {status.ReverseEdgeBps} bps (entry at {EntryEdgeBps} bps), {status.State}"
            + (Opening ? $"; last orders {SpotBody} {PerpBody}" : "");
    }

    private (string Body, string Signature) Signed(OrderIntent leg)
    {
        var body = BybitExecutionVenue.ToRequest(leg).ToJson();
        return (body, _signer.SignRest(_clock.NowMs, ApiKey, RecvWindowMs, body));
    }

    // Warms the basis volatility (one pass is 2,002 samples for a window of 20) and then checks, message by
    // message, that the benchmark measures what it says: every decision reached the estimator with both books
    // valid, and every message held, or every message opened and produced two signed limit IOC orders.
    private void Verify()
    {
        Pass();
        for (var i = 0; i < MessagesPerPass; i++)
        {
            var traded = Message(i);
            var status = _trader.Status(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
            if (status.State != SymbolTradingState.Active || status.OpenEdgeBps is not { } edge || _trader.InFlight != 0)
            {
                throw new InvalidOperationException($"message {i}: the trader is {status.State}, open edge {status.OpenEdgeBps}, {_trader.InFlight} in flight");
            }

            if (!Opening)
            {
                if (traded != 0 || edge >= EntryEdgeBps || status.ReverseEdgeBps >= EntryEdgeBps)
                {
                    throw new InvalidOperationException($"message {i} of the holding stream traded (open edge {edge}, reverse {status.ReverseEdgeBps})");
                }

                continue;
            }

            if (traded != 1 || edge < EntryEdgeBps)
            {
                throw new InvalidOperationException($"message {i} of the opening stream did not open (open edge {edge})");
            }

            CheckOrder(SpotBody, SpotSignature, """{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.014","price":""");
            CheckOrder(PerpBody, PerpSignature, """{"category":"linear","symbol":"BTCUSDT","side":"Sell","orderType":"Limit","qty":"0.014","price":""");
        }
    }

    private static void CheckOrder(string body, string signature, string expectedStart)
    {
        if (!body.StartsWith(expectedStart, StringComparison.Ordinal) || !body.Contains("\"timeInForce\":\"IOC\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"unexpected order body {body}");
        }

        if (signature.Length != 2 * SHA256.HashSizeInBytes || !signature.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidOperationException($"unexpected signature {signature}");
        }
    }

    private static void Fail(int index, FrameOutcome outcome) =>
        throw new InvalidOperationException($"message {index} did not update its book: {outcome}");
}

internal static class Fixtures
{
    /// <summary>A file of the shared fixtures folder, found above the running binary.</summary>
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "bybit", "fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("the shared fixtures folder was not found above " + AppContext.BaseDirectory, name);
    }
}
