namespace Arb.Domain.Alerts;

/// <summary>
/// Where alerts go. <see cref="Publish"/> returns at once and never throws: delivery happens in the background, and
/// a failure to deliver is logged and counted, never fatal to trading.
/// </summary>
public interface IAlertSink
{
    void Publish(Alert alert);
}
