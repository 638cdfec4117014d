namespace Arb.Domain.Trading;

/// <summary>
/// The coins whose balance changed. Only changes are pushed (nothing on subscribe), so the full wallet comes from
/// REST and these update it coin by coin.
/// </summary>
public sealed record WalletUpdate(IReadOnlyList<CoinBalance> Coins, long TimestampMs) : IAccountEvent;
