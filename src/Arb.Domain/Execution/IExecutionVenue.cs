using Arb.Domain.Market;

namespace Arb.Domain.Execution;

/// <summary>
/// Where orders go: Bybit over REST (live and sim), or an in-process venue that fills at the book's prices
/// (paper and backtest). Submissions return once the venue answered; what happened to the order afterwards
/// (fills, final status) reaches the engine as account events (<see cref="Trading.IAccountEvent"/>) through the
/// venue's event feed, and can be read back with <see cref="QueryOrderAsync"/>; the account and its recent history
/// can be read for reconciliation at start-up. Implementations are thread-safe.
/// </summary>
public interface IExecutionVenue
{
    /// <summary>Sends <paramref name="order"/> once. Never throws for a venue refusal or a lost answer: see <see cref="SubmitOutcome"/>.</summary>
    Task<SubmitOutcome> SubmitAsync(OrderIntent order, CancellationToken ct = default);

    /// <summary>The order's state and fills by its client id; null when the venue does not know the id.</summary>
    Task<VenueOrderReport?> QueryOrderAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default);

    /// <summary>Cancels what is left of an order (IOC orders normally leave nothing); false when it was already closed or unknown.</summary>
    Task<bool> CancelAsync(MarketCategory category, string symbol, string orderLinkId, CancellationToken ct = default);

    /// <summary>Perp positions, balances of <paramref name="coins"/> and open orders of <paramref name="symbols"/>, for start-up reconciliation.</summary>
    Task<VenueAccount> GetAccountAsync(IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> coins, CancellationToken ct = default);

    /// <summary>Every fill and funding settlement of <paramref name="symbols"/> since <paramref name="sinceMs"/> (Unix ms).</summary>
    Task<VenueHistory> GetHistoryAsync(IReadOnlyCollection<string> symbols, long sinceMs, CancellationToken ct = default);
}
