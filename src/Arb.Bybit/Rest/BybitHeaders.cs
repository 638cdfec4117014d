namespace Arb.Bybit.Rest;

/// <summary>Request header names of V5 signed calls.</summary>
public static class BybitHeaders
{
    public const string ApiKey = "X-BAPI-API-KEY";
    public const string Timestamp = "X-BAPI-TIMESTAMP";
    public const string Sign = "X-BAPI-SIGN";
    public const string RecvWindow = "X-BAPI-RECV-WINDOW";

    /// <summary>"2" selects HMAC-SHA256 signing (the other type is RSA).</summary>
    public const string SignType = "X-BAPI-SIGN-TYPE";
}
