using Arb.Engine.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Run.Status;

/// <summary>
/// The status as log lines, for when stdout is not a terminal (a service, a pipe, a file): one line for the
/// account, then one line per symbol, each field a fixed word followed by its value so the lines can be grepped.
/// Missing edges read "-".
/// </summary>
internal sealed partial class StatusLog(ILogger logger)
{
    private const string Missing = "-";

    public void Write(EngineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        LogAccount(status.Mode, StatusFormat.Money(status.EquityUsd), status.Symbols.Count);
        foreach (var s in status.Symbols)
        {
            LogSymbol(
                s.Symbol,
                StatusFormat.State(s.State),
                StatusFormat.Bps(s.BasisBps, Missing),
                StatusFormat.Bps(s.OpenEdgeBps, Missing),
                StatusFormat.Bps(s.ReverseEdgeBps, Missing),
                StatusFormat.Bps(s.CloseEdgeBps, Missing),
                StatusFormat.Quantity(s.SpotQuantity),
                StatusFormat.Quantity(s.PerpQuantity),
                StatusFormat.Money(s.RealizedUsd),
                StatusFormat.Money(s.UnrealizedUsd),
                StatusFormat.Money(s.FeesUsd),
                StatusFormat.Money(s.FundingUsd),
                s.TradesToday,
                s.ExecutionsInFlight,
                s.LegImbalances);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "status {Mode} equity {Equity} USDT symbols {Symbols}")]
    private partial void LogAccount(string mode, string equity, int symbols);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "{Symbol} {State} basis {Basis} bps open {Open} rev {Reverse} close {Close} spot {Spot} perp {Perp} " +
        "real {Realized} unreal {Unrealized} fees {Fees} funding {Funding} trades {Trades} inflight {InFlight} imbalances {Imbalances}")]
    private partial void LogSymbol(
        string symbol,
        string state,
        string basis,
        string open,
        string reverse,
        string close,
        string spot,
        string perp,
        string realized,
        string unrealized,
        string fees,
        string funding,
        int trades,
        int inFlight,
        long imbalances);
}
