using Arb.Domain.Trading;

namespace Arb.Domain.Execution;

/// <summary>The account's fills and funding settlements since a moment, in the venue's order (for catching up after downtime).</summary>
public sealed record VenueHistory(IReadOnlyList<Fill> Fills, IReadOnlyList<FundingPayment> Funding);
