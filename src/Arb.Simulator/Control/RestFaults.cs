using Arb.Simulator.Rest;
using Microsoft.AspNetCore.Http;

namespace Arb.Simulator.Control;

/// <summary>
/// REST misbehaviour switched on through <c>/sim/</c>: extra latency on every <c>/v5/</c> answer, the next N answers
/// as HTTP 503, the next N as retCode 10006 with exhausted rate-limit headers.
/// </summary>
public sealed class RestFaults(TimeProvider exchangeClock)
{
    private long _latencyTicks;
    private int _serverErrors;
    private int _rateLimits;

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, Math.Max(0, value.Ticks));
    }

    public void FailNext(int count) => Interlocked.Exchange(ref _serverErrors, Math.Max(0, count));

    public void RateLimitNext(int count) => Interlocked.Exchange(ref _rateLimits, Math.Max(0, count));

    /// <summary>Applies the faults to one request; true when the fault already answered it.</summary>
    public async Task<bool> InterceptAsync(HttpContext context)
    {
        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, exchangeClock, context.RequestAborted);
        }

        if (TryTake(ref _serverErrors))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return true;
        }

        if (TryTake(ref _rateLimits))
        {
            var now = exchangeClock.GetUtcNow().ToUnixTimeMilliseconds();
            context.Response.Headers["X-Bapi-Limit"] = "10";
            context.Response.Headers["X-Bapi-Limit-Status"] = "0";
            context.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] = (now + 200).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await RestResponses.SendAsync(context, RestEnvelope.Error(now, SimRetCodes.RateLimited, "Too many visits!"));
            return true;
        }

        return false;
    }

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
