namespace Arb.Cli.Settings;

/// <summary>
/// How the bot trades: where orders go, the edge thresholds of the threshold estimator, the funding horizon,
/// leverage, how long a leg imbalance may last, fee rates for paper and backtest, and the basis volatility window.
/// A round trip earns roughly <see cref="EntryEdgeBps"/> + <see cref="ExitEdgeBps"/> bps (the open edge is net of
/// the opening fees, the close edge of the closing ones), so their sum should stay positive.
/// </summary>
public sealed record TradingSettings
{
    private static readonly KeyValuePair<string, TradingMode>[] Modes =
    [
        new("auto", TradingMode.Auto), new("live", TradingMode.Live), new("paper", TradingMode.Paper), new("sim", TradingMode.Sim),
    ];

    public required TradingMode Mode { get; init; }

    /// <summary>Open when the net open edge reaches this many bps.</summary>
    public required decimal EntryEdgeBps { get; init; }

    /// <summary>Close when the net close edge reaches this many bps (negative: the cost accepted to unwind).</summary>
    public required decimal ExitEdgeBps { get; init; }

    /// <summary>Offer the reverse trade (sell spot coin held, buy the perp).</summary>
    public required bool AllowReverse { get; init; }

    /// <summary>How far ahead funding is projected into the open edge.</summary>
    public required TimeSpan HoldingHorizon { get; init; }

    /// <summary>Perp leverage set at start-up.</summary>
    public required int Leverage { get; init; }

    /// <summary>The longest an unequal fill of the two legs may stay unhedged.</summary>
    public required TimeSpan LegHedgeTimeout { get; init; }

    /// <summary>
    /// How far beyond the depth-walk price an IOC leg's limit may be, in bps: room for the book to move between the
    /// decision and the order's arrival, and the most slippage a leg can take.
    /// </summary>
    public required decimal SlippageToleranceBps { get; init; }

    /// <summary>Taker fee rates for paper trading and backtests (live and sim read the account's).</summary>
    public required decimal SpotTakerFee { get; init; }

    public required decimal PerpTakerFee { get; init; }

    /// <summary>Basis samples in the rolling volatility that scales position size.</summary>
    public required int BasisVolWindow { get; init; }

    internal static TradingSettings Read(SettingReader reader, bool hasApiKeys)
    {
        var mode = reader.Choice(SettingNames.Mode, TradingMode.Auto, Modes);
        if (mode == TradingMode.Live && !hasApiKeys)
        {
            throw SettingsException.Missing(SettingNames.BybitApiKey, $"it is required when {SettingNames.Mode} is live");
        }

        return new TradingSettings
        {
            Mode = mode,
            EntryEdgeBps = reader.Bps(SettingNames.EntryEdgeBps, SettingDefaults.EntryEdgeBps, -1_000m, 1_000m),
            ExitEdgeBps = reader.Bps(SettingNames.ExitEdgeBps, SettingDefaults.ExitEdgeBps, -1_000m, 1_000m),
            AllowReverse = reader.Boolean(SettingNames.AllowReverse, SettingDefaults.AllowReverse),
            HoldingHorizon = reader.Seconds(SettingNames.HoldingHorizonSec, SettingDefaults.HoldingHorizonSeconds, allowZero: true),
            Leverage = reader.Integer(SettingNames.Leverage, SettingDefaults.Leverage, min: 1, max: 100),
            LegHedgeTimeout = reader.Seconds(SettingNames.LegHedgeTimeoutSec, SettingDefaults.LegHedgeTimeoutSeconds),
            SlippageToleranceBps = reader.Bps(SettingNames.SlippageToleranceBps, SettingDefaults.SlippageToleranceBps, 0m, 500m),
            SpotTakerFee = reader.FeeRate(SettingNames.SpotTakerFee, SettingDefaults.SpotTakerFee),
            PerpTakerFee = reader.FeeRate(SettingNames.PerpTakerFee, SettingDefaults.PerpTakerFee),
            BasisVolWindow = reader.Integer(SettingNames.BasisVolWindow, SettingDefaults.BasisVolWindow, min: 2, max: 100_000),
        };
    }
}
