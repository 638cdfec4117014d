using System.Globalization;
using Arb.Domain.Market;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Run;

/// <summary>The start-up line describing one instrument's trading rules, shared by the watcher and the trader.</summary>
internal static partial class InstrumentLog
{
    public static void Describe(ILogger logger, InstrumentSpec spec) => LogInstrument(
        logger,
        spec.Symbol,
        spec.Category.ToWireName(),
        spec.TickSize.ToString(CultureInfo.InvariantCulture),
        spec.QtyStep.ToString(CultureInfo.InvariantCulture),
        spec.MinOrderQty.ToString(CultureInfo.InvariantCulture),
        spec.MinNotional.ToString(CultureInfo.InvariantCulture),
        spec.FundingIntervalMinutes is { } minutes ? $"{minutes} min" : "none");

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} {Category}: tick {Tick}, qty step {Step}, min qty {MinQty}, min notional {MinNotional}, funding interval {Funding}")]
    private static partial void LogInstrument(ILogger logger, string symbol, string category, string tick, string step, string minQty, string minNotional, string funding);
}
