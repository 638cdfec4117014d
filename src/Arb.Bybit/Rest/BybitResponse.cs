using System.Text.Json;

namespace Arb.Bybit.Rest;

/// <summary>A successful (retCode 0) response: the envelope's parts and when the attempt ran locally.</summary>
/// <param name="Endpoint">"METHOD /path" of the request.</param>
/// <param name="Result">The envelope's <c>result</c> (undefined when absent).</param>
/// <param name="RetExtInfo">The envelope's <c>retExtInfo</c> (per-item status of batch calls).</param>
/// <param name="RetMessage">The envelope's <c>retMsg</c>.</param>
/// <param name="ServerTimeMs">The envelope's <c>time</c> in Unix ms, when present.</param>
/// <param name="SentAt">Local time the successful attempt was sent.</param>
/// <param name="ReceivedAt">Local time its response was read.</param>
public sealed record BybitResponse(
    string Endpoint,
    JsonElement Result,
    JsonElement RetExtInfo,
    string RetMessage,
    long? ServerTimeMs,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Runs a parser over <see cref="Result"/>, turning a malformed result into a
    /// <see cref="BybitRestException"/> that names the endpoint.
    /// </summary>
    public T Read<T>(Func<BybitResponse, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse(this);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            throw new BybitRestException(Endpoint, $"Bybit {Endpoint} returned an unexpected result: {ex.Message}", ex);
        }
    }
}
