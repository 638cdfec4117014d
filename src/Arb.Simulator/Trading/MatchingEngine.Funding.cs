using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Simulator.Trading;

public sealed partial class MatchingEngine
{
    /// <summary>
    /// Settles one funding event: every account holding the symbol's perp pays or receives
    /// |size| × mark × rate (longs pay when the rate is positive). Each settlement is an execution with
    /// execType Funding, execFee positive when paid and negative when received, as Bybit reports it.
    /// </summary>
    public IReadOnlyList<SimExecution> SettleFunding(FundingSettlement settlement, SimSymbolMarket symbolMarket, IEnumerable<SimAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(symbolMarket);
        ArgumentNullException.ThrowIfNull(accounts);
        var nowMs = settlement.TimestampMs;
        var executions = new List<SimExecution>();
        foreach (var account in accounts)
        {
            if (!account.Positions.TryGetValue(settlement.Symbol, out var position) || position.Size == 0)
            {
                continue;
            }

            var size = Math.Abs(position.Size);
            var value = size * symbolMarket.MarkPrice;
            var paid = value * settlement.Rate * Math.Sign(position.Size);
            LinearLedger.ApplyFunding(account, position, paid, nowMs);
            var execution = new SimExecution
            {
                Category = MarketCategory.Linear,
                Symbol = settlement.Symbol,
                ExecId = Guid.NewGuid().ToString(),
                Side = position.Size > 0 ? SimSide.Buy : SimSide.Sell,
                OrderType = "UNKNOWN",
                ExecType = "Funding",
                ExecPrice = symbolMarket.MarkPrice,
                ExecQty = size,
                ExecValue = value,
                ExecFee = paid,
                FeeRate = settlement.Rate,
                FeeCurrency = Coins.Usdt,
                MarkPrice = symbolMarket.MarkPrice,
                IndexPrice = symbolMarket.IndexPrice,
                ExecTimeMs = nowMs,
                Seq = symbolMarket.Linear.Sequence,
            };
            account.Record(execution);
            account.Emit(new SimExecutionEvent(nowMs, execution));
            account.Emit(new SimPositionEvent(nowMs, PositionSnapshot(position, symbolMarket)));
            account.Emit(new SimWalletEvent(nowMs, [CoinSnapshot(account, Coins.Usdt)]));
            executions.Add(execution);
        }

        return executions;
    }
}
