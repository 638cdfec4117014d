namespace Arb.Domain.Market;

/// <summary>The two markets the bot trades: spot and USDT linear perpetuals.</summary>
public enum MarketCategory
{
    Spot,
    Linear,
}

public static class MarketCategoryNames
{
    /// <summary>The exchange's lowercase name, as used in URLs and request fields.</summary>
    public static string ToWireName(this MarketCategory category) => category switch
    {
        MarketCategory.Spot => "spot",
        MarketCategory.Linear => "linear",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown market category"),
    };

    public static bool TryParse(string? text, out MarketCategory category)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "spot":
                category = MarketCategory.Spot;
                return true;
            case "linear":
                category = MarketCategory.Linear;
                return true;
            default:
                category = default;
                return false;
        }
    }
}
