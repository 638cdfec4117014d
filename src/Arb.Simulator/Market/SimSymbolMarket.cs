using Arb.Domain.Market;

namespace Arb.Simulator.Market;

/// <summary>
/// Spot and perpetual of one coin, driven by one price process: the spot mid follows a random walk, the perp
/// mid is the spot mid times (1 + basis), and the basis mean-reverts with occasional dislocations wide enough
/// to pay the round-trip fees. The perp's funding rate follows its premium and settles every funding interval.
/// </summary>
public sealed class SimSymbolMarket
{
    private const double InterestPerInterval = 0.0001;   // Bybit's 0.01 % per 8 h interest component
    private const double PremiumClamp = 0.0005;
    private readonly SimMarketOptions _options;
    private readonly SplitMix _random;
    private readonly List<FundingSettlement> _fundingHistory = [];
    private double _spotMid;
    private double _basis;       // perp / spot - 1
    private double _premiumEma;
    private Quotes.RecordedQuote? _recordedSpot;
    private Quotes.RecordedQuote? _recordedPerp;

    internal SimSymbolMarket(SimInstrument instrument, SimMarketOptions options, ulong seed, long startMs)
    {
        Instrument = instrument;
        _options = options;
        _random = new SplitMix(seed);
        _spotMid = (double)instrument.StartPrice;
        _basis = 0.0002;
        Spot = new SimBook(instrument.Symbol, MarketCategory.Spot, instrument.SpotTickSize, instrument.SpotBasePrecision, instrument.TypicalLevelSize, options.BookLevels, seed * 31);
        Linear = new SimBook(instrument.Symbol, MarketCategory.Linear, instrument.LinearTickSize, instrument.LinearQtyStep, instrument.TypicalLevelSize, options.BookLevels, seed * 37);
        var interval = (long)options.FundingInterval.TotalMilliseconds;
        NextFundingTimeMs = ((startMs / interval) + 1) * interval;
        Rebuild();
        FundingRate = RoundRate(InterestPerInterval);
    }

    public SimInstrument Instrument { get; }

    public SimBook Spot { get; }

    public SimBook Linear { get; }

    public decimal IndexPrice { get; private set; }

    public decimal MarkPrice { get; private set; }

    /// <summary>The rate that will settle at <see cref="NextFundingTimeMs"/>.</summary>
    public decimal FundingRate { get; private set; }

    public long NextFundingTimeMs { get; private set; }

    /// <summary>Settled rates, oldest first.</summary>
    public IReadOnlyList<FundingSettlement> FundingHistory => _fundingHistory;

    /// <summary>The funding interval in hours (fractional for the short intervals of demos and tests).</summary>
    public double FundingIntervalHoursExact => _options.FundingInterval.TotalHours;

    /// <summary>Funding caps, as instruments-info lists them.</summary>
    public static decimal FundingCap => 0.00375m;

    public SimBook Book(MarketCategory category) => category == MarketCategory.Spot ? Spot : Linear;

    /// <summary>
    /// Control: the basis jumps by <paramref name="bps"/> now (positive: the perp richer than spot) and reverts with the
    /// usual half-life, like a dislocation of the model's own. Callers hold <see cref="SimMarket.Gate"/>.
    /// </summary>
    internal void Dislocate(double bps)
    {
        _basis += bps / 10_000;
        Rebuild();
    }

    /// <summary>Advances the model by <paramref name="dt"/>; settles funding when <paramref name="nowMs"/> passes the next funding time.</summary>
    internal FundingSettlement? Step(TimeSpan dt, long nowMs)
    {
        var seconds = dt.TotalSeconds;
        var volPerSqrtSecond = _options.AnnualVolatility / Math.Sqrt(365.0 * 24 * 3600);
        _spotMid *= Math.Exp((volPerSqrtSecond * Math.Sqrt(seconds) * _random.NextGaussian()) - (0.5 * volPerSqrtSecond * volPerSqrtSecond * seconds));

        var kappa = Math.Log(2) / _options.BasisHalfLife.TotalSeconds;
        _basis += (-kappa * _basis * seconds) + (_options.BasisNoiseBps / 10_000 * Math.Sqrt(seconds) * _random.NextGaussian());
        var jumpProbability = _options.DislocationsPerHour * seconds / 3600;
        if (_random.NextDouble() < jumpProbability)
        {
            var size = _options.DislocationBps * (0.7 + (0.6 * _random.NextDouble())) / 10_000;
            _basis += _random.NextDouble() < 0.5 ? -size : size;
        }

        // Recorded quotes, while they play, replace the model's prices (the draws above keep the sequence the same).
        if (_recordedSpot is { } spot)
        {
            _spotMid = (double)((spot.Bid + spot.Ask) / 2m);
        }

        if (_recordedPerp is { } perp)
        {
            _basis = ((double)((perp.Bid + perp.Ask) / 2m) / _spotMid) - 1;
        }

        Rebuild();

        // The premium index is smoothed over roughly a tenth of the interval.
        var alpha = Math.Min(1.0, seconds / Math.Max(1.0, _options.FundingInterval.TotalSeconds / 10));
        _premiumEma += alpha * (_basis - _premiumEma);
        FundingRate = RoundRate(_premiumEma + Math.Clamp(InterestPerInterval - _premiumEma, -PremiumClamp, PremiumClamp));

        if (nowMs < NextFundingTimeMs)
        {
            return null;
        }

        var settled = new FundingSettlement(Instrument.Symbol, FundingRate, NextFundingTimeMs);
        _fundingHistory.Add(settled);
        var interval = (long)_options.FundingInterval.TotalMilliseconds;
        while (NextFundingTimeMs <= nowMs)
        {
            NextFundingTimeMs += interval;
        }

        return settled;
    }

    /// <summary>Pins the mark price until the next step (tests value positions with it).</summary>
    internal void SetMarkPrice(decimal markPrice) => MarkPrice = markPrice;

    /// <summary>Makes a recorded top of book this market's price until <see cref="EndRecording"/>.</summary>
    internal void ApplyQuote(Quotes.RecordedQuote quote)
    {
        if (quote.Category == MarketCategory.Spot)
        {
            _recordedSpot = quote;
        }
        else
        {
            _recordedPerp = quote;
        }
    }

    /// <summary>The recording ended: the model carries on from the last recorded prices.</summary>
    internal void EndRecording()
    {
        _recordedSpot = null;
        _recordedPerp = null;
    }

    private void Rebuild()
    {
        if (_recordedSpot is { } spot)
        {
            Spot.RebuildAround(Spot.NearestTicks(spot.Bid), Spot.NearestTicks(spot.Ask), spot.BidQty, spot.AskQty, _random);
        }
        else
        {
            Spot.Rebuild(_spotMid, _random);
        }

        if (_recordedPerp is { } perp)
        {
            Linear.RebuildAround(Linear.NearestTicks(perp.Bid), Linear.NearestTicks(perp.Ask), perp.BidQty, perp.AskQty, _random);
        }
        else
        {
            Linear.Rebuild(_spotMid * (1 + _basis), _random);
        }

        IndexPrice = Math.Round((decimal)_spotMid, 2);
        MarkPrice = Math.Round((decimal)(_spotMid * (1 + _basis)) / Instrument.LinearTickSize, MidpointRounding.AwayFromZero) * Instrument.LinearTickSize;
    }

    // Funding rates are quoted with 8 decimals and capped like Bybit's.
    private static decimal RoundRate(double rate) =>
        Math.Clamp(Math.Round((decimal)rate, 8), -FundingCap, FundingCap);
}
