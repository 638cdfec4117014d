using Arb.Domain.Market;

namespace Arb.Simulator.Trading;

/// <summary>
/// One fill or funding settlement with the fields of the private <c>execution</c> topic and
/// <c>/v5/execution/list</c>. <see cref="ExecFee"/> is positive when paid, negative when received.
/// </summary>
public sealed record SimExecution
{
    public required MarketCategory Category { get; init; }

    public required string Symbol { get; init; }

    public required string ExecId { get; init; }

    /// <summary>Empty for funding.</summary>
    public string OrderId { get; init; } = "";

    public string OrderLinkId { get; init; } = "";

    public required SimSide Side { get; init; }

    public decimal OrderPrice { get; init; }

    public decimal OrderQty { get; init; }

    /// <summary>The order's unfilled qty after this fill.</summary>
    public decimal LeavesQty { get; init; }

    /// <summary>"Market", "Limit", or "UNKNOWN" for funding.</summary>
    public required string OrderType { get; init; }

    /// <summary>"Trade" or "Funding".</summary>
    public required string ExecType { get; init; }

    public required decimal ExecPrice { get; init; }

    public required decimal ExecQty { get; init; }

    public required decimal ExecValue { get; init; }

    public required decimal ExecFee { get; init; }

    public required decimal FeeRate { get; init; }

    public required string FeeCurrency { get; init; }

    public bool IsMaker { get; init; }

    /// <summary>Linear: gross PnL of the closed part of the position.</summary>
    public decimal ExecPnl { get; init; }

    /// <summary>Linear: how much of the position this fill closed.</summary>
    public decimal ClosedSize { get; init; }

    public decimal MarkPrice { get; init; }

    public decimal IndexPrice { get; init; }

    public required long ExecTimeMs { get; init; }

    public long Seq { get; init; }
}
