namespace Arb.Bybit.Connection;

/// <summary>
/// The base addresses of one Bybit deployment: REST, the public spot and linear streams and the private stream.
/// </summary>
public sealed record BybitEndpoints(Uri Rest, Uri PublicSpot, Uri PublicLinear, Uri Private)
{
    /// <summary>
    /// The official hosts of an environment, or another server when <paramref name="restOverride"/> or
    /// <paramref name="wsOverride"/> is given (e.g. the simulator). <paramref name="wsOverride"/> is the base the
    /// stream paths (<c>/v5/public/spot</c>, <c>/v5/public/linear</c>, <c>/v5/private</c>) are appended to.
    /// </summary>
    public static BybitEndpoints For(BybitEnvironment environment, Uri? restOverride = null, Uri? wsOverride = null)
    {
        // Demo trading has its own REST and private hosts; its public market data is mainnet's.
        var (rest, publicWs, privateWs) = environment switch
        {
            BybitEnvironment.Mainnet => ("https://api.bybit.com", "wss://stream.bybit.com", "wss://stream.bybit.com"),
            BybitEnvironment.Testnet => ("https://api-testnet.bybit.com", "wss://stream-testnet.bybit.com", "wss://stream-testnet.bybit.com"),
            BybitEnvironment.Demo => ("https://api-demo.bybit.com", "wss://stream.bybit.com", "wss://stream-demo.bybit.com"),
            _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "unknown Bybit environment"),
        };

        var restBase = restOverride ?? new Uri(rest);
        var publicBase = wsOverride?.ToString() ?? publicWs;
        var privateBase = wsOverride?.ToString() ?? privateWs;
        return new BybitEndpoints(
            restBase,
            Join(publicBase, "v5/public/spot"),
            Join(publicBase, "v5/public/linear"),
            Join(privateBase, "v5/private"));
    }

    private static Uri Join(string baseUri, string path) => new(baseUri.TrimEnd('/') + "/" + path);
}
