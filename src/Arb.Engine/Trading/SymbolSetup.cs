using Arb.Domain.Market;
using Arb.Domain.Trading;
using Arb.Strategy.Sizing;

namespace Arb.Engine.Trading;

/// <summary>
/// What the engine needs to trade one coin: both instruments' rules, the account's taker fee on each (from the
/// fee-rate endpoint in live and sim, from settings in paper and backtest), the estimator that decides for it, and
/// the spot coin the account holds at start (what the reverse trade may sell).
/// </summary>
public sealed record SymbolSetup(
    InstrumentSpec Spot,
    InstrumentSpec Perp,
    decimal SpotTakerFee,
    decimal PerpTakerFee,
    IEdgeEstimator Estimator,
    decimal SpotCoinAvailable = 0m)
{
    public string Symbol => Spot.Symbol;

    public LotRules SpotLot => new(Spot.QtyStep, Spot.MinOrderQty, Spot.MinNotional);

    public LotRules PerpLot => new(Perp.QtyStep, Perp.MinOrderQty, Perp.MinNotional);

    /// <summary>Both instruments must describe the same coin.</summary>
    public void Validate()
    {
        if (Spot.Category != MarketCategory.Spot || Perp.Category != MarketCategory.Linear)
        {
            throw new ArgumentException($"{Symbol}: the setup needs a spot and a linear instrument");
        }

        if (!string.Equals(Spot.Symbol, Perp.Symbol, StringComparison.Ordinal) || !string.Equals(Spot.BaseCoin, Perp.BaseCoin, StringComparison.Ordinal))
        {
            throw new ArgumentException($"spot {Spot.Symbol} ({Spot.BaseCoin}) and perp {Perp.Symbol} ({Perp.BaseCoin}) are not the same coin");
        }
    }
}
