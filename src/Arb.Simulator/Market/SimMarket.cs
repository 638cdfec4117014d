namespace Arb.Simulator.Market;

/// <summary>
/// Every coin the simulator lists. <see cref="Step"/> advances all of them; callers serialise access
/// (the server holds <see cref="Gate"/> while stepping and while reading).
/// </summary>
public sealed class SimMarket
{
    private readonly Dictionary<string, SimSymbolMarket> _symbols = new(StringComparer.Ordinal);

    public SimMarket(IEnumerable<SimInstrument> instruments, SimMarketOptions options, long startMs)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var index = 0UL;
        foreach (var instrument in instruments)
        {
            index++;
            _symbols[instrument.Symbol] = new SimSymbolMarket(instrument, options, SplitMix.Hash(((ulong)options.Seed << 8) + index), startMs);
        }

        NowMs = startMs;
    }

    public SimMarketOptions Options { get; }

    /// <summary>True while recorded quotes drive the prices.</summary>
    public bool IsReplayingQuotes => _replay is { Finished: false };

    private Quotes.QuoteReplay? _replay;

    /// <summary>Guards the market state: steps, snapshots and (later) order matching.</summary>
    public Lock Gate { get; } = new();

    public IEnumerable<SimSymbolMarket> Symbols => _symbols.Values;

    /// <summary>Exchange time of the last step, Unix ms.</summary>
    public long NowMs { get; private set; }

    public SimSymbolMarket? Find(string symbol) => _symbols.GetValueOrDefault(symbol);

    /// <summary>
    /// Drives the prices from recorded quotes from now on (rows for symbols not listed are skipped); when they run
    /// out, the model continues from the last recorded prices.
    /// </summary>
    public void ReplayQuotes(IReadOnlyList<Quotes.RecordedQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        _replay = new Quotes.QuoteReplay(quotes, NowMs);
    }

    /// <summary>Moves every market forward to <paramref name="nowMs"/>; returns the funding settlements that happened.</summary>
    public IReadOnlyList<FundingSettlement> Step(long nowMs)
    {
        var dt = TimeSpan.FromMilliseconds(Math.Max(1, nowMs - NowMs));
        NowMs = Math.Max(nowMs, NowMs + 1);
        if (_replay is { } replay)
        {
            if (replay.Finished)
            {
                // The last rows were shown for a step; from now on the model carries on from them.
                foreach (var market in _symbols.Values)
                {
                    market.EndRecording();
                }

                _replay = null;
            }
            else
            {
                foreach (var quote in replay.Due(NowMs))
                {
                    Find(quote.Symbol)?.ApplyQuote(quote);
                }
            }
        }

        List<FundingSettlement>? settled = null;
        foreach (var market in _symbols.Values)
        {
            if (market.Step(dt, NowMs) is { } settlement)
            {
                (settled ??= []).Add(settlement);
            }
        }

        return settled ?? (IReadOnlyList<FundingSettlement>)[];
    }
}
