using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Cli.Backtest;

/// <summary>
/// The trading rules a backtest applies to a symbol: quote files carry prices, not rules, so each symbol gets the
/// shape Bybit gives it where the simulator knows it (BTCUSDT, ETHUSDT: tick sizes, lot steps, minimums), and ETH's
/// shape otherwise; the same rules the embedded simulator lists, so a backtest of a sim recording sizes alike.
/// </summary>
internal static class BacktestInstruments
{
    public static (InstrumentSpec Spot, InstrumentSpec Perp) For(string symbol)
    {
        var shape = SimInstrument.For(symbol);
        var spot = new InstrumentSpec(
            symbol, MarketCategory.Spot, InstrumentSpec.TradingStatus, shape.BaseCoin, SimInstrument.QuoteCoin,
            shape.SpotTickSize, shape.SpotBasePrecision, shape.SpotMinOrderQty, shape.SpotMinOrderAmt, shape.SpotMaxMarketOrderQty, null);
        var perp = new InstrumentSpec(
            symbol, MarketCategory.Linear, InstrumentSpec.TradingStatus, shape.BaseCoin, SimInstrument.QuoteCoin,
            shape.LinearTickSize, shape.LinearQtyStep, shape.LinearMinOrderQty, shape.LinearMinNotional, shape.LinearMaxMarketOrderQty, 480);
        return (spot, perp);
    }
}
