using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Portfolio;

/// <summary>
/// Everything the bot holds and has earned in one coin: the spot and perp legs, fees paid and funding received,
/// in USDT, exact. Spot buys pay their fee in the base coin (the bot receives quantity minus fee, and the fee's
/// value at the fill price counts as a fee); spot sells and perp trades pay in USDT. So, once the legs are back
/// where they started, <see cref="NetRealized"/> is exactly the account's USDT change.
/// </summary>
public sealed class SymbolPortfolio(string symbol, string baseCoin, string quoteCoin = "USDT")
{
    public string Symbol { get; } = symbol;

    public string BaseCoin { get; } = baseCoin;

    public string QuoteCoin { get; } = quoteCoin;

    public PositionLeg Spot { get; } = new();

    public PositionLeg Perp { get; } = new();

    /// <summary>Fees paid, valued in USDT at the fill price when charged in the base coin.</summary>
    public decimal FeesUsd { get; private set; }

    /// <summary>Funding received (negative: paid).</summary>
    public decimal FundingUsd { get; private set; }

    /// <summary>Price PnL realised on both legs, before fees and funding.</summary>
    public decimal Realized => Spot.Realized + Perp.Realized;

    /// <summary>Realised PnL after fees and funding.</summary>
    public decimal NetRealized => Realized - FeesUsd + FundingUsd;

    public decimal Unrealized(decimal spotMark, decimal perpMark) => Spot.Unrealized(spotMark) + Perp.Unrealized(perpMark);

    public void Apply(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Symbol != Symbol)
        {
            throw new ArgumentException($"a {fill.Symbol} fill cannot apply to the {Symbol} portfolio", nameof(fill));
        }

        var sign = fill.Side == TradeSide.Buy ? 1m : -1m;
        if (fill.Category == MarketCategory.Linear)
        {
            Perp.Apply(sign * fill.Quantity, fill.Price);
            FeesUsd += FeeInQuote(fill);
            return;
        }

        // A spot buy's fee comes out of the coin received; the position holds what actually arrived.
        var feeInBase = fill.FeeCoin == BaseCoin ? fill.Fee : 0m;
        Spot.Apply((sign * fill.Quantity) - feeInBase, fill.Price);
        FeesUsd += FeeInQuote(fill);
    }

    /// <summary>A funding settlement on the perp: positive received, negative paid.</summary>
    public void ApplyFunding(decimal received) => FundingUsd += received;

    /// <summary>Sets the fee and funding totals saved by an earlier run; the legs restore their own lots and realised PnL.</summary>
    public void Restore(decimal feesUsd, decimal fundingUsd)
    {
        FeesUsd = feesUsd;
        FundingUsd = fundingUsd;
    }

    private decimal FeeInQuote(Fill fill)
    {
        if (fill.FeeCoin == QuoteCoin || fill.Fee == 0m)
        {
            return fill.Fee;
        }

        return fill.FeeCoin == BaseCoin
            ? fill.Fee * fill.Price
            : throw new ArgumentException($"fee in {fill.FeeCoin} is neither {BaseCoin} nor {QuoteCoin}", nameof(fill));
    }
}
