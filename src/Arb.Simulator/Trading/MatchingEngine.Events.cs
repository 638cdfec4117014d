using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Trading;

public sealed partial class MatchingEngine
{
    // After an order changed: the order, then (linear) the position — Bybit pushes it on every order change —
    // then the wallet coins the order touches. Executions were emitted as they happened, before these.
    private void EmitOrderChange(SimAccount account, SimSymbolMarket symbolMarket, SimOrder order, long nowMs)
    {
        account.Emit(new SimOrderEvent(nowMs, order));
        if (order.Category == MarketCategory.Linear)
        {
            account.Emit(new SimPositionEvent(nowMs, PositionSnapshot(account.Position(order.Symbol), symbolMarket)));
            account.Emit(new SimWalletEvent(nowMs, [CoinSnapshot(account, Coins.Usdt)]));
        }
        else
        {
            account.Emit(new SimWalletEvent(nowMs, [CoinSnapshot(account, symbolMarket.Instrument.BaseCoin), CoinSnapshot(account, Coins.Usdt)]));
        }
    }

    /// <summary>A position as the <c>position</c> topic reports it, valued at the current mark.</summary>
    public static SimPositionSnapshot PositionSnapshot(SimPosition position, SimSymbolMarket symbolMarket)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(symbolMarket);
        return new SimPositionSnapshot(
            position.Symbol,
            position.Side,
            Math.Abs(position.Size),
            position.EntryPrice,
            symbolMarket.MarkPrice,
            position.PositionValue,
            position.Leverage,
            position.InitialMargin,
            position.UnrealisedPnl(symbolMarket.MarkPrice),
            position.CurRealisedPnl,
            position.CumRealisedPnl,
            position.CreatedTimeMs,
            position.UpdatedTimeMs,
            symbolMarket.Linear.Sequence);
    }

    /// <summary>A coin as the <c>wallet</c> topic reports it; USDT carries the positions' PnL and margin.</summary>
    public SimCoinSnapshot CoinSnapshot(SimAccount account, string coin)
    {
        ArgumentNullException.ThrowIfNull(account);
        var balance = account.Coin(coin);
        if (coin != Coins.Usdt)
        {
            return new SimCoinSnapshot(coin, balance.WalletBalance, balance.Locked, balance.WalletBalance, 0m, 0m, 0m);
        }

        var unrealised = UnrealisedPnl(account);
        var realised = account.Positions.Values.Sum(p => p.CumRealisedPnl);
        return new SimCoinSnapshot(coin, balance.WalletBalance, balance.Locked, balance.WalletBalance + unrealised, unrealised, realised, account.PositionMargin);
    }

    /// <summary>Unrealised PnL of all the account's linear positions at the current marks.</summary>
    public decimal UnrealisedPnl(SimAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Positions.Values.Sum(p => Market.Find(p.Symbol) is { } m ? p.UnrealisedPnl(m.MarkPrice) : 0m);
    }
}
