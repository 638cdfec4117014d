using Arb.Domain.Market;

namespace Arb.Domain.Execution;

/// <summary>An order the venue still holds open, found at start-up.</summary>
public sealed record VenueOpenOrder(MarketCategory Category, string Symbol, string OrderLinkId, decimal Quantity, decimal FilledQuantity);

/// <summary>A perp position as the venue holds it: signed size (short negative) and average entry price (0 when flat).</summary>
public readonly record struct VenuePosition(decimal Size, decimal EntryPrice);

/// <summary>
/// The account as the venue sees it, for start-up reconciliation: the exchange is the truth for positions.
/// <see cref="PerpPositions"/> is signed (short negative) per symbol asked for, flat ones included as 0;
/// <see cref="Balances"/> are wallet balances per coin asked for (0 when the venue holds none).
/// </summary>
public sealed record VenueAccount(
    IReadOnlyDictionary<string, VenuePosition> PerpPositions,
    IReadOnlyDictionary<string, decimal> Balances,
    IReadOnlyList<VenueOpenOrder> OpenOrders);
