namespace Arb.Observability.Alerts;

/// <summary>A channel could not deliver an alert. The message is safe to log: it never holds a credential.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
