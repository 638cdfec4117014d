using System.Diagnostics;

namespace Arb.Cli.Settings;

/// <summary>
/// A credential read from the environment. It prints as <c>***</c> (or <c>(not set)</c>) so that records holding it
/// can be logged safely; the value is only available through <see cref="Reveal"/>, which makes each use visible in review.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Secret : IEquatable<Secret>
{
    private readonly string? _value;

    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>No credential configured.</summary>
    public static Secret None => default;

    public bool IsSet => _value is not null;

    /// <summary>The plain value, for the code that signs requests or logs in; never log the result.</summary>
    public string Reveal() => _value ?? throw new InvalidOperationException("the secret is not set");

    public override string ToString() => IsSet ? "***" : "(not set)";

    public bool Equals(Secret other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(Secret left, Secret right) => left.Equals(right);

    public static bool operator !=(Secret left, Secret right) => !left.Equals(right);
}
