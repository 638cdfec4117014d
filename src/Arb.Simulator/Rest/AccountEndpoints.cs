using Arb.Domain.Market;
using Arb.Simulator.Auth;
using Arb.Simulator.Market;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace Arb.Simulator.Rest;

/// <summary>The signed account endpoints: every request goes through the signature, window and rate checks first.</summary>
public static class AccountEndpoints
{
    /// <summary>Bybit's VIP 0 rates (maker, taker): spot 0.1 % both; perpetuals 0.02 % maker, 0.055 % taker.</summary>
    public static (decimal Taker, decimal Maker) DefaultFeeRates(MarketCategory category) =>
        category == MarketCategory.Spot ? (0.001m, 0.001m) : (0.00055m, 0.0002m);

    public static void Map(IEndpointRouteBuilder app, SimMarket market, SignedRequestVerifier verifier, TimeProvider exchangeClock)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(exchangeClock);

        // GET /v5/account/fee-rate?category=spot|linear[&symbol]
        app.MapGet("/v5/account/fee-rate", async context =>
        {
            var (caller, error) = await verifier.VerifyAsync(context);
            var now = exchangeClock.GetUtcNow().ToUnixTimeMilliseconds();
            if (caller is null)
            {
                await RestResponses.SendAsync(context, error!);
                return;
            }

            var query = context.Request.Query;
            var categoryText = query["category"].ToString();
            if (!MarketCategoryNames.TryParse(categoryText, out var category) || categoryText != category.ToWireName())
            {
                await RestResponses.SendAsync(context, RestEnvelope.Error(now, SimRetCodes.ParamsError, "params error: category must be spot or linear"));
                return;
            }

            var symbol = query["symbol"].ToString();
            List<string> symbols;
            lock (market.Gate)
            {
                symbols = [.. market.Symbols.Select(s => s.Instrument.Symbol).Where(s => symbol.Length == 0 || s == symbol)];
            }

            var (taker, maker) = DefaultFeeRates(category);
            await RestResponses.SendAsync(context, RestEnvelope.Ok(now, writer =>
            {
                writer.WriteStartArray("list");
                foreach (var s in symbols)
                {
                    writer.WriteStartObject();
                    writer.WriteString("symbol", s);
                    writer.WriteString("takerFeeRate", Streams.JsonFrames.Number(taker));
                    writer.WriteString("makerFeeRate", Streams.JsonFrames.Number(maker));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (category == MarketCategory.Spot)
                {
                    writer.WriteString("category", "spot"); // Bybit adds the category for spot and option only
                }
            }));
        });
    }
}
