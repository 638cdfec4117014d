namespace Arb.Domain.Market;

/// <summary>
/// The trading rules of one instrument, as the exchange publishes them. Prices must be multiples of
/// <see cref="TickSize"/>, base quantities multiples of <see cref="QtyStep"/>.
/// </summary>
/// <param name="Symbol">Exchange symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="Category">Spot or linear perpetual.</param>
/// <param name="Status">Exchange status (<c>Trading</c>, <c>PreLaunch</c>, <c>Delivering</c>, <c>Closed</c>, ...).</param>
/// <param name="BaseCoin">The coin quantities are counted in.</param>
/// <param name="QuoteCoin">The coin prices are counted in.</param>
/// <param name="TickSize">Smallest price increment.</param>
/// <param name="QtyStep">Smallest base-quantity increment (linear <c>qtyStep</c>, spot <c>basePrecision</c>).</param>
/// <param name="MinOrderQty">Smallest order quantity in base coin.</param>
/// <param name="MinNotional">Smallest order value in quote coin (linear <c>minNotionalValue</c>, spot <c>minOrderAmt</c>).</param>
/// <param name="MaxMarketOrderQty">Largest market order quantity in base coin, when published.</param>
/// <param name="FundingIntervalMinutes">Funding period of a perpetual in minutes; null for spot.</param>
public sealed record InstrumentSpec(
    string Symbol,
    MarketCategory Category,
    string Status,
    string BaseCoin,
    string QuoteCoin,
    decimal TickSize,
    decimal QtyStep,
    decimal MinOrderQty,
    decimal MinNotional,
    decimal? MaxMarketOrderQty,
    int? FundingIntervalMinutes)
{
    /// <summary>The exchange status that allows normal orders.</summary>
    public const string TradingStatus = "Trading";

    public bool IsTrading => string.Equals(Status, TradingStatus, StringComparison.Ordinal);
}
