using System.Collections.Concurrent;

namespace Arb.Simulator.Auth;

/// <summary>The API keys the simulator knows, the sandbox pair always among them.</summary>
public sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, SimCredentials> _byKey = new(StringComparer.Ordinal);

    public CredentialStore(IEnumerable<SimCredentials>? extra = null)
    {
        Add(SimCredentials.Sandbox);
        foreach (var credentials in extra ?? [])
        {
            Add(credentials);
        }
    }

    public IEnumerable<SimCredentials> All => _byKey.Values;

    public void Add(SimCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.ApiSecret);
        _byKey[credentials.ApiKey] = credentials;
    }

    public bool TryGet(string apiKey, out SimCredentials credentials) => _byKey.TryGetValue(apiKey, out credentials!);
}
