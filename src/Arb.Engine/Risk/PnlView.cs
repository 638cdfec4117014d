using Arb.Engine.Trading;

namespace Arb.Engine.Risk;

/// <summary>One symbol's PnL in USD: realized after fees and funding, and unrealized at the marks.</summary>
public sealed record SymbolPnl(string Symbol, decimal RealizedUsd, decimal UnrealizedUsd)
{
    public decimal TotalUsd => RealizedUsd + UnrealizedUsd;
}

/// <summary>
/// The PnL the stop rules compare: per symbol and summed. The figures must be on the same footing as the peaks
/// restored from the state file (cumulative since the state began, not since this process started).
/// </summary>
public sealed record PnlView(IReadOnlyList<SymbolPnl> Symbols)
{
    public decimal TotalUsd => Symbols.Sum(s => s.TotalUsd);

    /// <summary>The engine's status as the risk manager reads it.</summary>
    public static PnlView From(EngineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new PnlView([.. status.Symbols.Select(s => new SymbolPnl(s.Symbol, s.RealizedUsd, s.UnrealizedUsd))]);
    }
}
