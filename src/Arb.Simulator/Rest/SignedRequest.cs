using Arb.Simulator.Trading;

namespace Arb.Simulator.Rest;

/// <summary>A verified private request: the caller's account, the exchange time it is served at, and its parameters.</summary>
internal sealed record SignedRequest(SimAccount Account, long NowMs, QueryReader Query, BodyReader Body);
