using Arb.Domain.Market;
using Arb.Simulator.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Rest;

/// <summary>The signed account endpoints: the caller's fee rates and wallet.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServer server, SignedRequestVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(verifier);

        // GET /v5/account/fee-rate?category=spot|linear[&symbol]: the caller account's own rates.
        app.MapGet("/v5/account/fee-rate", SignedRoute.Handle(server, verifier, request =>
        {
            var category = request.Query.Category();
            var symbol = request.Query.Optional("symbol");
            var symbols = server.Market.Symbols.Select(s => s.Instrument.Symbol).Where(s => symbol is null || s == symbol).ToList();
            var rates = request.Account.Fees(category);
            return RestEnvelope.Ok(request.NowMs, writer =>
            {
                writer.WriteStartArray("list");
                foreach (var s in symbols)
                {
                    writer.WriteStartObject();
                    writer.WriteString("symbol", s);
                    writer.WritePlainString("takerFeeRate", rates.Taker);
                    writer.WritePlainString("makerFeeRate", rates.Maker);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (category == MarketCategory.Spot)
                {
                    writer.WriteString("category", "spot"); // Bybit adds the category for spot and option only
                }
            });
        }));

        // GET /v5/account/wallet-balance?accountType=UNIFIED[&coin=USDT,BTC]
        app.MapGet("/v5/account/wallet-balance", SignedRoute.Handle(server, verifier, request =>
        {
            var accountType = request.Query.Required("accountType");
            if (accountType != "UNIFIED")
            {
                throw new ParamsErrorException($"params error: accountType '{accountType}' is not simulated (UNIFIED only)");
            }

            var coins = request.Query.Optional("coin")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var wallet = WalletBalanceResult.Of(request.Account, server.Engine, coins);
            return RestEnvelope.Ok(request.NowMs, wallet.Write);
        }));
    }
}
