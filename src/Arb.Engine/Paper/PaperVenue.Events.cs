using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Paper;

public sealed partial class PaperVenue
{
    private void Emit(IAccountEvent change)
    {
        if (!_events.TryWrite(change))
        {
            throw new InvalidOperationException(
                "the paper venue's account event channel refused an event: it must be unbounded and not completed");
        }
    }

    // The position as Bybit's position topic shows it: valued at the ticker's mark (the last fill price until one
    // arrives); cumulative realised PnL is net of fees, as Bybit counts it. No margin model: leverage reads 1.
    private PositionUpdate PositionUpdate(string symbol, long nowMs)
    {
        if (_account.FindPosition(symbol) is not { } position)
        {
            return new PositionUpdate(symbol, 0m, 0m, 0m, 0m, 0m, 1m, nowMs);
        }

        var mark = MarkOf(position);
        var leg = position.Leg;
        return new PositionUpdate(symbol, leg.Quantity, leg.EntryPrice, mark, leg.Unrealized(mark), leg.Realized - position.Fees, 1m, nowMs);
    }

    // Nothing is ever locked (orders do not rest); the settle coin's equity adds the positions' unrealised PnL.
    private WalletUpdate WalletUpdate(string[] coins, long nowMs)
    {
        var balances = new CoinBalance[coins.Length];
        for (var i = 0; i < coins.Length; i++)
        {
            var coin = coins[i];
            var balance = _account.Balance(coin);
            var equity = coin == _account.SettleCoin ? balance + _account.Positions.Sum(p => p.Leg.Unrealized(MarkOf(p))) : balance;
            balances[i] = new CoinBalance(coin, balance, 0m, equity);
        }

        return new WalletUpdate(balances, nowMs);
    }

    private decimal MarkOf(PaperLinearPosition position) =>
        BookFeed.Find(MarketCategory.Linear, position.Symbol)?.ReadMark() ?? position.LastPrice;
}
