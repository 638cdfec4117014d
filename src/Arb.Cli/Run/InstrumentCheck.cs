using Arb.Bybit.Rest;
using Arb.Cli.Settings;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Run;

/// <summary>
/// Start-up look at the exchange over REST: the clock offset, and that every configured symbol is listed and
/// trading on both spot and linear, with its tick size, lot size, minimums and funding interval.
/// </summary>
internal sealed partial class InstrumentCheck(BybitRestClient rest, ILogger logger)
{
    /// <summary>Returns false when the exchange could not be reached or a symbol is missing; never throws.</summary>
    public async Task<bool> RunAsync(IReadOnlyList<string> symbols, CancellationToken ct)
    {
        try
        {
            var offset = await rest.Clock.SyncAsync(ct);
            LogClock(offset.TotalMilliseconds);
            var ok = true;
            foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
            {
                var listed = (await rest.Market.GetInstrumentsAsync(category, ct: ct)).ToDictionary(i => i.Symbol, StringComparer.Ordinal);
                foreach (var symbol in symbols)
                {
                    if (!listed.TryGetValue(symbol, out var spec))
                    {
                        ok = false;
                        LogMissing(symbol, category.ToWireName());
                        continue;
                    }

                    if (!spec.IsTrading)
                    {
                        ok = false;
                        LogNotTrading(symbol, category.ToWireName(), spec.Status);
                    }

                    InstrumentLog.Describe(logger, spec);
                }
            }

            return ok;
        }
        catch (BybitRestException ex)
        {
            LogUnreachable(ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "exchange clock offset {OffsetMs:0.#} ms")]
    private partial void LogClock(double offsetMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol} is not listed on {Category}: check SYMBOLS")]
    private partial void LogMissing(string symbol, string category);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol} on {Category} is not trading (status {Status})")]
    private partial void LogNotTrading(string symbol, string category, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "instrument check skipped, REST unreachable: {Reason}")]
    private partial void LogUnreachable(string reason);
}
