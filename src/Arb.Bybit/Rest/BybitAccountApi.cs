using Arb.Domain.Market;

namespace Arb.Bybit.Rest;

/// <summary>Signed account endpoints (<c>/v5/account/*</c>).</summary>
public sealed class BybitAccountApi
{
    private readonly BybitRestClient _client;

    internal BybitAccountApi(BybitRestClient client) => _client = client;

    /// <summary><c>GET /v5/account/fee-rate</c>: this account's taker and maker rates.</summary>
    public async Task<IReadOnlyList<FeeRate>> GetFeeRatesAsync(
        MarketCategory category, string? symbol = null, CancellationToken ct = default)
    {
        var query = new BybitQuery().Add("category", category.ToWireName()).AddIfPresent("symbol", symbol);
        var response = await _client.SendSignedAsync(BybitRequest.Get("/v5/account/fee-rate", query), ct).ConfigureAwait(false);
        return response.Read(r => AccountParsers.ParseFeeRates(r.Result));
    }

    /// <summary>
    /// <c>GET /v5/account/wallet-balance</c> of the unified account. Bybit omits zero balances unless
    /// <paramref name="coins"/> names them, so name the coins the bot needs to see even at zero.
    /// </summary>
    public async Task<WalletBalance> GetWalletBalanceAsync(IReadOnlyCollection<string>? coins = null, CancellationToken ct = default)
    {
        var query = new BybitQuery().Add("accountType", "UNIFIED");
        if (coins is { Count: > 0 })
        {
            query.Add("coin", string.Join(',', coins));
        }

        var response = await _client.SendSignedAsync(BybitRequest.Get("/v5/account/wallet-balance", query), ct).ConfigureAwait(false);
        return response.Read(r => AccountParsers.ParseWalletBalance(r.Result));
    }
}
