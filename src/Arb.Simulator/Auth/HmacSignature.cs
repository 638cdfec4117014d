using System.Security.Cryptography;
using System.Text;

namespace Arb.Simulator.Auth;

/// <summary>Bybit's HMAC-SHA256 signature, lowercase hex, as the exchange computes it to check a request.</summary>
internal static class HmacSignature
{
    public static string Compute(string secret, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));

    /// <summary>Compares in constant time, so response timing reveals nothing about the expected signature.</summary>
    public static bool Matches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
}
