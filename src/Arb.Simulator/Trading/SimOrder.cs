using Arb.Domain.Market;

namespace Arb.Simulator.Trading;

/// <summary>
/// One order's state with the fields the private <c>order</c> topic needs. Immutable: every change makes a new
/// record, so an event keeps the state it reported.
/// </summary>
public sealed record SimOrder
{
    public required MarketCategory Category { get; init; }

    public required string Symbol { get; init; }

    public required string OrderId { get; init; }

    /// <summary>Empty when the request had none (Bybit sends "").</summary>
    public required string OrderLinkId { get; init; }

    public required SimSide Side { get; init; }

    public required SimOrderType OrderType { get; init; }

    public required SimTimeInForce TimeInForce { get; init; }

    /// <summary>The limit price; 0 for a market order.</summary>
    public required decimal Price { get; init; }

    /// <summary>As requested: quote coin for a spot market Buy in quote units.</summary>
    public required decimal Qty { get; init; }

    public SimMarketUnit? MarketUnit { get; init; }

    public bool ReduceOnly { get; init; }

    public SimOrderStatus Status { get; init; } = SimOrderStatus.New;

    /// <summary>Filled base quantity.</summary>
    public decimal CumExecQty { get; init; }

    /// <summary>Filled value in quote coin (Σ price × qty).</summary>
    public decimal CumExecValue { get; init; }

    /// <summary>Fees in <see cref="FeeCurrency"/>.</summary>
    public decimal CumExecFee { get; init; }

    public string FeeCurrency { get; init; } = "";

    /// <summary>CumExecValue / CumExecQty; 0 before any fill.</summary>
    public decimal AvgPrice { get; init; }

    /// <summary>Unfilled qty while open; 0 once finished, as Bybit reports.</summary>
    public decimal LeavesQty { get; init; }

    public decimal LeavesValue { get; init; }

    /// <summary>Linear: realised PnL of the closed part of a position (before fees).</summary>
    public decimal ClosedPnl { get; init; }

    public string RejectReason { get; init; } = "EC_NoError";

    public string CancelType { get; init; } = "UNKNOWN";

    /// <summary>What a resting order holds back (quote or base for spot, USDT margin for linear).</summary>
    public decimal LockedAmount { get; init; }

    public string LockedCoin { get; init; } = "";

    public long CreatedTimeMs { get; init; }

    public long UpdatedTimeMs { get; init; }

    /// <summary>True when the order's qty is a quote amount (spot market Buy without marketUnit=baseCoin).</summary>
    public bool QtyInQuote => Category == MarketCategory.Spot && OrderType == SimOrderType.Market && Side == SimSide.Buy
        && MarketUnit != SimMarketUnit.BaseCoin;

    public bool IsOpen => Status.IsOpen();
}
