using System.Globalization;
using Arb.Bybit.Rest;
using Arb.Cli.Run;
using Arb.Cli.Settings;
using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Engine.Learning;
using Arb.Engine.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Trading;

/// <summary>
/// Before the first order: the exchange clock, both instruments of every symbol (listed and trading), the account's
/// taker fees (settings in paper mode, which has no account), leverage and one-way mode on each perp, and the spot
/// coin the account holds (what the reverse trade may sell).
/// </summary>
internal sealed partial class TradingStartup(BybitRestClient rest, BotSettings settings, ILogger logger)
{
    /// <exception cref="StartupException">A symbol cannot be traded or the exchange cannot be reached.</exception>
    public async Task<IReadOnlyList<SymbolSetup>> PrepareAsync(bool paper, Func<string, EstimatorChoice> estimators, CancellationToken ct)
    {
        try
        {
            var offset = await rest.Clock.SyncAsync(ct);
            LogClock(offset.TotalMilliseconds);
            var symbols = settings.MarketData.Symbols;
            var spot = await ListedAsync(MarketCategory.Spot, symbols, ct);
            var linear = await ListedAsync(MarketCategory.Linear, symbols, ct);
            var balances = paper ? null : await rest.Account.GetWalletBalanceAsync(symbols.Select(s => spot[s].BaseCoin).Distinct().ToList(), ct);
            var setups = new List<SymbolSetup>();
            foreach (var symbol in symbols)
            {
                var (spotFee, perpFee) = paper
                    ? (settings.Trading.SpotTakerFee, settings.Trading.PerpTakerFee)
                    : (await TakerFeeAsync(MarketCategory.Spot, symbol, ct), await TakerFeeAsync(MarketCategory.Linear, symbol, ct));
                if (!paper)
                {
                    await PreparePerpAsync(symbol, ct);
                }

                var held = balances?.Find(spot[symbol].BaseCoin)?.Free ?? 0m;
                var choice = estimators(symbol);
                if (choice.Problem is { } problem)
                {
                    LogPolicyUnusable(symbol, problem);
                }

                LogSymbol(symbol, Percent(spotFee), Percent(perpFee), held, choice.Description);
                Estimators.Add(choice);
                setups.Add(new SymbolSetup(spot[symbol], linear[symbol], spotFee, perpFee, choice.Estimator, held));
            }

            return setups;
        }
        catch (BybitRestException ex)
        {
            throw new StartupException($"start-up failed, the exchange answered: {ex.Message}", ex);
        }
    }

    private async Task<Dictionary<string, InstrumentSpec>> ListedAsync(MarketCategory category, IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var listed = (await rest.Market.GetInstrumentsAsync(category, ct: ct)).ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (!listed.TryGetValue(symbol, out var spec))
            {
                throw new StartupException($"{symbol} is not listed on {category.ToWireName()}: check {SettingNames.Symbols}");
            }

            if (!spec.IsTrading)
            {
                throw new StartupException($"{symbol} on {category.ToWireName()} is not trading (status {spec.Status})");
            }

            InstrumentLog.Describe(logger, spec);
        }

        return listed;
    }

    private async Task<decimal> TakerFeeAsync(MarketCategory category, string symbol, CancellationToken ct)
    {
        var rates = await rest.Account.GetFeeRatesAsync(category, symbol, ct);
        return rates.FirstOrDefault(r => r.Symbol == symbol)?.TakerFeeRate
            ?? throw new StartupException($"the exchange gave no {category.ToWireName()} fee rate for {symbol}");
    }

    private async Task PreparePerpAsync(string symbol, CancellationToken ct)
    {
        try
        {
            await rest.Positions.SwitchToOneWayModeAsync(symbol, ct);
        }
        catch (BybitApiException ex)
        {
            // Bybit refuses a switch while a position or order is open; the account may well be one-way already.
            LogModeNotSwitched(symbol, ex.Message);
        }

        await rest.Positions.SetLeverageAsync(symbol, settings.Trading.Leverage, ct);
    }

    private static string Percent(decimal rate) => (rate * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    [LoggerMessage(Level = LogLevel.Information, Message = "exchange clock offset {OffsetMs:0.#} ms")]
    private partial void LogClock(double offsetMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol}: taker fees spot {SpotFee}, perp {PerpFee}; spot coin held {Held}; estimator {Estimator}")]
    private partial void LogSymbol(string symbol, string spotFee, string perpFee, decimal held, string estimator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: its RL policy cannot be used, trading with the threshold estimator instead: {Problem}")]
    private partial void LogPolicyUnusable(string symbol, string problem);

    /// <summary>The estimator each symbol got, in symbol order (after <see cref="PrepareAsync"/>).</summary>
    public List<EstimatorChoice> Estimators { get; } = [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: one-way mode not switched ({Reason}); orders assume one-way")]
    private partial void LogModeNotSwitched(string symbol, string reason);
}
