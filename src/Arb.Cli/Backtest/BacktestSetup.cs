using System.Globalization;
using Arb.Cli.Settings;
using Arb.Cli.Trading;
using Arb.Engine.Backtest;
using Arb.Engine.Trading;

namespace Arb.Cli.Backtest;

/// <summary>
/// Turns the settings into a backtest: the same engine options, estimators and risk limits as <c>arbbot run</c>
/// (see <see cref="EngineConfiguration"/>), fees from SPOT_TAKER_FEE / PERP_TAKER_FEE as in paper mode, and
/// each symbol's trading rules from <see cref="BacktestInstruments"/>.
/// </summary>
internal static class BacktestSetup
{
    /// <summary>The settings echoed into every report: what a reader needs to reproduce the run.</summary>
    public static readonly string[] EchoedSettings =
    [
        SettingNames.EntryEdgeBps, SettingNames.ExitEdgeBps, SettingNames.AllowReverse, SettingNames.SpotTakerFee,
        SettingNames.PerpTakerFee, SettingNames.AccountEquityUsd, SettingNames.RiskPerTrade, SettingNames.MaxPositionUsd,
        SettingNames.MaxExposureUsd, SettingNames.TradeCooldownSec, SettingNames.MaxDailyTrades, SettingNames.ParallelTasks,
        SettingNames.HoldingHorizonSec, SettingNames.BasisVolWindow, SettingNames.SlippageToleranceBps,
        SettingNames.LegHedgeTimeoutSec, SettingNames.MaxDrawdownUsd, SettingNames.MaxRelativeDrawdownUsd,
        SettingNames.MaxSymbolDrawdownUsd, SettingNames.MaxSymbolRelDrawdownUsd, SettingNames.DailyDrawdownUsd,
        SettingNames.MaxConsecutiveLosses, SettingNames.MaxProfitUsd, SettingNames.ErrorLimit, SettingNames.PnlLogSec,
    ];

    public static BacktestOptions Create(BotSettings settings, IReadOnlyList<string> symbols, BacktestRunOptions run)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(run);
        var choices = symbols.Select(symbol => EngineConfiguration.Estimator(settings, symbol)).ToList();
        var setups = choices.Select(choice =>
        {
            var (spot, perp) = BacktestInstruments.For(choice.Symbol);
            return new SymbolSetup(spot, perp, settings.Trading.SpotTakerFee, settings.Trading.PerpTakerFee, choice.Estimator);
        }).ToList();
        var echo = Echo(settings, run);
        foreach (var choice in choices)
        {
            echo["estimator " + choice.Symbol] = choice.Problem is { } problem ? $"{choice.Description}: {problem}" : choice.Description;
        }

        return new BacktestOptions
        {
            Setups = setups,
            Engine = EngineConfiguration.Options(settings, "backtest"),
            Risk = settings.Risk.ToRiskLimits(),
            SpotTakerFee = settings.Trading.SpotTakerFee,
            PerpTakerFee = settings.Trading.PerpTakerFee,
            FillLatency = run.FillLatency,
            FromMs = run.FromMs,
            ToMs = run.ToMs,
            TradesPath = run.OutDirectory is { } outDir ? Path.Combine(outDir, "trades.csv") : null,
            PnlPath = run.OutDirectory is { } dir ? Path.Combine(dir, "pnl.csv") : null,
            PnlInterval = settings.Persistence.PnlLogInterval,
            Oracle = run.Oracle,
            SettingsEcho = echo,
        };
    }

    private static Dictionary<string, string> Echo(BotSettings settings, BacktestRunOptions run)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var risk = settings.Risk;
        var trading = settings.Trading;
        string[] texts =
        [
            Text(trading.EntryEdgeBps), Text(trading.ExitEdgeBps), trading.AllowReverse ? "true" : "false", Text(trading.SpotTakerFee),
            Text(trading.PerpTakerFee), Text(risk.AccountEquityUsd), Text(risk.RiskPerTrade), Text(risk.MaxPositionUsd),
            Text(risk.MaxExposureUsd), Seconds(risk.TradeCooldown), Text(risk.MaxDailyTrades), Text(settings.Engine.ParallelTasks),
            Seconds(trading.HoldingHorizon), Text(trading.BasisVolWindow), Text(trading.SlippageToleranceBps),
            Seconds(trading.LegHedgeTimeout), Text(risk.MaxDrawdownUsd), Text(risk.MaxRelativeDrawdownUsd),
            Text(risk.MaxSymbolDrawdownUsd), Text(risk.MaxSymbolRelDrawdownUsd), Text(risk.DailyDrawdownUsd),
            Text(risk.MaxConsecutiveLosses), Text(risk.MaxProfitUsd), Text(risk.ErrorLimit), Seconds(settings.Persistence.PnlLogInterval),
        ];
        for (var i = 0; i < EchoedSettings.Length; i++)
        {
            values[EchoedSettings[i]] = texts[i];
        }

        values["fill_latency_ms"] = Text((decimal)run.FillLatency.TotalMilliseconds);
        return values;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => ((decimal)value.TotalMilliseconds / 1000m).ToString(CultureInfo.InvariantCulture);
}
