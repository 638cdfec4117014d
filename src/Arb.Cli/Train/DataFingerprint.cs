using System.Security.Cryptography;

namespace Arb.Cli.Train;

/// <summary>The SHA-256 of the training files' bytes, in the order given: which data a policy learned from.</summary>
internal static class DataFingerprint
{
    public static string Of(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
