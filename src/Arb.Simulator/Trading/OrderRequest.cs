using Arb.Domain.Market;

namespace Arb.Simulator.Trading;

/// <summary>
/// An order as <c>/v5/order/create</c> carries it. <paramref name="Qty"/> is in base coin except for a spot
/// market Buy, which is in quote coin unless <see cref="MarketUnit"/> says <see cref="SimMarketUnit.BaseCoin"/>.
/// </summary>
public sealed record OrderRequest(MarketCategory Category, string Symbol, SimSide Side, SimOrderType OrderType, decimal Qty)
{
    /// <summary>Required for Limit; ignored for Market.</summary>
    public decimal? Price { get; init; }

    /// <summary>Ignored for Market (always IOC).</summary>
    public SimTimeInForce TimeInForce { get; init; } = SimTimeInForce.Gtc;

    public string? OrderLinkId { get; init; }

    /// <summary>Linear only (ignored for spot, as Bybit does).</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>Spot market only.</summary>
    public SimMarketUnit? MarketUnit { get; init; }
}
