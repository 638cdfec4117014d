using System.Collections.Concurrent;
using Arb.Simulator.Auth;

namespace Arb.Simulator.Trading;

/// <summary>
/// The simulator's accounts, one per API key pair. An account is opened with the starting balances the first
/// time its key is used, so the sandbox key and every key added with <c>--api-key</c> trade out of the box.
/// </summary>
public sealed class AccountRegistry(CredentialStore credentials)
{
    /// <summary>What every new account starts with: 100,000 USDT, 1 BTC and 10 ETH.</summary>
    public static IReadOnlyDictionary<string, decimal> StartingBalances { get; } =
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 100_000m, ["BTC"] = 1m, ["ETH"] = 10m };

    private readonly ConcurrentDictionary<string, SimAccount> _accounts = new(StringComparer.Ordinal);

    public IEnumerable<SimAccount> All => _accounts.Values;

    /// <summary>The account of a known key, opened on first use; null for a key the simulator does not accept.</summary>
    public SimAccount? Find(string apiKey) =>
        credentials.TryGet(apiKey, out var pair)
            ? _accounts.GetOrAdd(apiKey, _ => new SimAccount(pair.ApiKey, pair.ApiSecret, StartingBalances))
            : null;

    public SimAccount For(SimCredentials caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Find(caller.ApiKey) ?? throw new InvalidOperationException("a verified caller always has an account");
    }
}
