using Arb.Domain.Alerts;

namespace Arb.Observability.Alerts;

/// <summary>One way of reaching the owner (email, Telegram). Called by <see cref="AlertDispatcher"/> only, one alert at a time.</summary>
public interface IAlertChannel
{
    /// <summary>Short name for logs and counters, e.g. <c>email</c>.</summary>
    string Name { get; }

    /// <summary>Delivers one alert or throws; the dispatcher logs and counts the failure.</summary>
    Task SendAsync(Alert alert, CancellationToken ct);
}
