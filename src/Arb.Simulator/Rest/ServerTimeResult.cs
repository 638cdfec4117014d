using System.Text.Json;

namespace Arb.Simulator.Rest;

/// <summary><c>GET /v5/market/time</c>: <c>{timeSecond, timeNano}</c>, both strings.</summary>
internal static class ServerTimeResult
{
    public static void Write(Utf8JsonWriter writer, DateTimeOffset now)
    {
        writer.WriteInt64String("timeSecond", now.ToUnixTimeSeconds());

        // A tick is 100 ns, the clock's finest resolution.
        writer.WriteInt64String("timeNano", (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100);
    }
}
