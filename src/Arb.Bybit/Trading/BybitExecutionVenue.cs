using Arb.Bybit.Rest;
using Arb.Domain.Execution;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Trading;

/// <summary>
/// Orders on Bybit (or the simulator, which speaks the same protocol) through the REST client. Engine legs go as
/// IOC limit orders; hedges as market orders, with spot quantities explicitly in the base coin (Bybit's default
/// for a spot market buy is the quote coin). Fills and statuses arrive on the private stream; <see cref="QueryOrderAsync"/>
/// reads them back over REST when the stream is behind.
/// </summary>
public sealed class BybitExecutionVenue(BybitRestClient rest) : IExecutionVenue
{
    private readonly BybitRestClient _rest = rest ?? throw new ArgumentNullException(nameof(rest));

    /// <summary>The request Bybit receives for an intent: public so the tick-to-order benchmark serializes exactly what is sent.</summary>
    public static OrderRequest ToRequest(OrderIntent order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.LimitPrice is { } limit
            ? new OrderRequest(order.Category, order.Symbol, order.Side, OrderType.Limit, order.Quantity, order.OrderLinkId, limit,
                TimeInForce.Ioc, order.ReduceOnly)
            : new OrderRequest(order.Category, order.Symbol, order.Side, OrderType.Market, order.Quantity, order.OrderLinkId,
                ReduceOnly: order.ReduceOnly, MarketUnit: order.Category == MarketCategory.Spot ? MarketUnit.BaseCoin : null);
    }

    public async Task<SubmitOutcome> SubmitAsync(OrderIntent order, CancellationToken ct = default)
    {
        var request = ToRequest(order);
        try
        {
            await _rest.Trading.PlaceOrderAsync(request, ct).ConfigureAwait(false);
            return SubmitOutcome.Accepted;
        }
        catch (BybitApiException ex)
        {
            // A retCode is Bybit's definite answer: the order was not created.
            return SubmitOutcome.Rejected($"{ex.RetCode} {ex.RetMessage}");
        }
        catch (BybitRestException ex)
        {
            return SubmitOutcome.Unknown(ex.Message);
        }
    }

    public async Task<VenueOrderReport?> QueryOrderAsync(
        MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default)
    {
        var order = await _rest.Trading.GetOrderAsync(category, symbol, orderLinkId, ct).ConfigureAwait(false);
        if (order is null)
        {
            return null;
        }

        var history = await _rest.Trading.GetExecutionsAsync(category, symbol, orderLinkId, ct: ct).ConfigureAwait(false);
        return new VenueOrderReport(orderLinkId, OrderStatusNames.Parse(order.Status), order.CumExecQty, history.Fills);
    }

    public async Task<bool> CancelAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default)
    {
        try
        {
            await _rest.Trading.CancelOrderAsync(category, symbol, orderLinkId: orderLinkId, ct: ct).ConfigureAwait(false);
            return true;
        }
        catch (BybitApiException)
        {
            return false; // already finished or unknown: nothing left to cancel
        }
    }

    public async Task<VenueAccount> GetAccountAsync(
        IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> coins, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(coins);
        var positions = new Dictionary<string, VenuePosition>(StringComparer.Ordinal);
        var orders = new List<VenueOpenOrder>();
        foreach (var symbol in symbols)
        {
            var rows = await _rest.Positions.GetPositionsAsync(symbol, ct).ConfigureAwait(false);
            var row = rows.FirstOrDefault(r => r.Symbol == symbol && r.Size != 0m); // one-way mode: one row, size signed
            positions[symbol] = row is null ? default : new VenuePosition(row.Size, row.AvgPrice);
            foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
            {
                var open = await _rest.Trading.GetOpenOrdersAsync(category, symbol, ct).ConfigureAwait(false);
                orders.AddRange(open.Select(o => new VenueOpenOrder(category, o.Symbol, o.OrderLinkId, o.Qty, o.CumExecQty)));
            }
        }

        var wallet = await _rest.Account.GetWalletBalanceAsync(coins, ct).ConfigureAwait(false);
        var balances = coins.ToDictionary(c => c, c => wallet.Find(c)?.WalletBalance ?? 0m, StringComparer.Ordinal);
        return new VenueAccount(positions, balances, orders);
    }

    public async Task<VenueHistory> GetHistoryAsync(IReadOnlyCollection<string> symbols, long sinceMs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var fills = new List<Fill>();
        var funding = new List<FundingPayment>();
        foreach (var symbol in symbols)
        {
            foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
            {
                var history = await _rest.Trading.GetExecutionsAsync(category, symbol, startTimeMs: sinceMs, ct: ct).ConfigureAwait(false);
                fills.AddRange(history.Fills);
                funding.AddRange(history.Funding);
            }
        }

        return new VenueHistory(
            fills.OrderBy(f => f.TimestampMs).ToList(),
            funding.OrderBy(f => f.TimestampMs).ToList());
    }
}
