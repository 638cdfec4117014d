namespace Arb.Simulator;

/// <summary>The Bybit retCodes and messages the simulator answers with (PROTOCOL §5.7), always with HTTP 200.</summary>
public static class SimRetCodes
{
    public const int Ok = 0;
    /// <summary>A missing or invalid request parameter.</summary>
    public const int ParamsError = 10001;

    /// <summary>The request's timestamp is outside the receive window.</summary>
    public const int TimestampOutOfWindow = 10002;

    /// <summary>Unknown API key.</summary>
    public const int InvalidApiKey = 10003;

    /// <summary>The signature does not match.</summary>
    public const int SignatureError = 10004;

    /// <summary>Per-key rate limit exceeded.</summary>
    public const int RateLimited = 10006;

    public const int LinearOrderNotFound = 110001;
    public const int LinearInsufficientBalance = 110007;
    public const int ReduceOnlyNotSatisfied = 110017;
    public const int LeverageNotModified = 110043;
    public const int LinearDuplicateOrderLinkId = 110072;
    public const int LinearMinNotional = 110094;
    public const int SpotInsufficientBalance = 170131;
    public const int SpotPriceDecimals = 170134;
    public const int SpotQtyBelowMin = 170136;
    public const int SpotQtyDecimals = 170137;
    public const int SpotOrderValueBelowMin = 170140;
    public const int SpotDuplicateOrderLinkId = 170141;
    public const int SpotMarketAmountDecimals = 170148;
    public const int SpotOrderNotFound = 170213;

    public static string Message(int code) => code switch
    {
        Ok => "OK",
        ParamsError => "params error",
        LinearOrderNotFound => "order not exists or too late to cancel",
        LinearInsufficientBalance => "ab not enough for new order",
        ReduceOnlyNotSatisfied => "current position is zero, cannot fix reduce-only order qty",
        LeverageNotModified => "leverage not modified",
        LinearDuplicateOrderLinkId => "OrderLinkedID is duplicate",
        LinearMinNotional => "Order does not meet minimum order value",
        SpotInsufficientBalance => "Insufficient balance.",
        SpotPriceDecimals => "Order price has too many decimals.",
        SpotQtyBelowMin => "Order quantity is lower than the minimum.",
        SpotQtyDecimals => "Order quantity has too many decimals.",
        SpotOrderValueBelowMin => "Order value is lower than the minimum.",
        SpotDuplicateOrderLinkId => "Duplicate clientOrderId.",
        SpotMarketAmountDecimals => "Market order amount has too many decimals.",
        SpotOrderNotFound => "Order does not exist.",
        _ => "error",
    };
}
