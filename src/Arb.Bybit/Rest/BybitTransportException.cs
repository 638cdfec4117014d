namespace Arb.Bybit.Rest;

/// <summary>The request never got a complete answer: connection refused or dropped, or a timeout.</summary>
public sealed class BybitTransportException : BybitRestException
{
    public BybitTransportException(string endpoint, string message, Exception innerException)
        : base(endpoint, message, innerException)
    {
    }
}
