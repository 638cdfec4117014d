using Arb.Simulator.Auth;
using Microsoft.AspNetCore.Routing;

namespace Arb.Simulator.Rest;

/// <summary>The signed trading endpoints: order entry, order and fill queries, positions.</summary>
public static class TradingEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServer server, SignedRequestVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(verifier);
        OrderEndpoints.Map(app, server, verifier);
        OrderQueryEndpoints.Map(app, server, verifier);
        PositionEndpoints.Map(app, server, verifier);
    }
}
