namespace Arb.Simulator.Auth;

/// <summary>An API key pair the simulator accepts. The secret never leaves the simulator except to sign checks.</summary>
public sealed record SimCredentials(string ApiKey, string ApiSecret)
{
    /// <summary>The sandbox pair every simulator accepts; documented so anyone can try signed calls.</summary>
    public static SimCredentials Sandbox { get; } = new("arbbot-sim-key", "arbbot-sim-secret");

    public override string ToString() => $"SimCredentials {{ ApiKey = {ApiKey} }}";
}
