namespace Arb.Bybit.Rest;

/// <summary>One reading of the exchange clock with the local times the request was sent and answered.</summary>
public readonly record struct ServerTimeSample(DateTimeOffset ServerTime, DateTimeOffset SentAt, DateTimeOffset ReceivedAt)
{
    /// <summary>The local instant the server most likely read its clock: halfway through the round trip.</summary>
    public DateTimeOffset LocalMidpoint => SentAt + ((ReceivedAt - SentAt) / 2);

    public TimeSpan RoundTrip => ReceivedAt - SentAt;
}
