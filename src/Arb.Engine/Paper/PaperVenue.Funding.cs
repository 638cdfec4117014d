using Arb.Domain.Trading;

namespace Arb.Engine.Paper;

public sealed partial class PaperVenue
{
    private long _fundingCount;

    /// <summary>
    /// Settles one funding period of <paramref name="symbol"/>'s linear position at <paramref name="rate"/> on its value
    /// at <paramref name="markPrice"/>, as Bybit does: a positive rate makes longs pay shorts. Emits the
    /// <see cref="FundingPayment"/> and the settle coin's wallet update; nothing when the position is flat. Used by the
    /// backtester, whose data carries the rates (live paper trading has no funding).
    /// </summary>
    public FundingPayment? SettleFunding(string symbol, decimal rate, decimal markPrice)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        lock (_gate)
        {
            var size = _account.PositionSize(symbol);
            if (size == 0m || markPrice <= 0m)
            {
                return null;
            }

            var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var value = Math.Abs(size) * markPrice;
            var received = -size * markPrice * rate;
            _account.ApplyFunding(received);
            var payment = new FundingPayment(symbol, received, rate, value, $"paper-f-{++_fundingCount}", nowMs);
            Emit(payment);
            Emit(WalletUpdate([_account.SettleCoin], nowMs));
            return payment;
        }
    }
}
