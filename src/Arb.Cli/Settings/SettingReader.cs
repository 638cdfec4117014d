using System.Collections.Immutable;
using System.Globalization;

namespace Arb.Cli.Settings;

/// <summary>
/// Looks settings up in the process environment, then in the <c>.env</c> file, and converts them to typed values.
/// Every conversion failure becomes a <see cref="SettingsException"/> naming the variable and what is allowed.
/// </summary>
internal sealed class SettingReader(IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string> dotEnv)
{
    // Upper bound for durations: long enough for any sane timer, small enough that tick arithmetic cannot overflow.
    private const decimal MaxSeconds = 86_400m;
    private const decimal MinPositiveSeconds = 0.001m;

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The trimmed value, or null when the variable is absent or blank in both sources.</summary>
    public string? Raw(string name)
    {
        // Blank counts as unset in each layer, so an empty `X=` in the environment does not hide a value in .env.
        if (environment.TryGetValue(name, out var fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        return dotEnv.TryGetValue(name, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile) ? fromFile.Trim() : null;
    }

    public bool IsSet(string name) => Raw(name) is not null;

    public string Text(string name, string fallback) => Raw(name) ?? fallback;

    /// <summary>A file or directory path. Existence is the caller's business; control characters are never intended.</summary>
    public string Path(string name, string fallback)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return fallback;
        }

        // Linux accepts almost any byte in a name, so the OS check alone would let a stray newline through.
        if (raw.Any(char.IsControl) || raw.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            throw SettingsException.NotAllowed(name, raw, "a file system path without control characters");
        }

        return raw;
    }

    public int Integer(string name, int fallback, int min, int max = int.MaxValue)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var expected = max == int.MaxValue ? $"a whole number >= {min}" : $"a whole number from {min} to {max}";
            throw SettingsException.NotAllowed(name, raw, expected);
        }

        return value;
    }

    /// <summary>An amount in USD: strictly positive, or also zero when <paramref name="zeroDisables"/>.</summary>
    public decimal Usd(string name, decimal fallback, bool zeroDisables = false)
    {
        var expected = zeroDisables ? "a USD amount >= 0 (0 disables the limit)" : "a USD amount greater than 0";
        return Decimal(name, fallback, zeroDisables ? v => v >= 0m : v => v > 0m, expected);
    }

    /// <summary>A share of equity, such as 0.01 for one percent.</summary>
    public decimal Fraction(string name, decimal fallback) =>
        Decimal(name, fallback, v => v is > 0m and <= 1m, "a fraction greater than 0 and at most 1 (0.01 = 1%)");

    /// <summary>Basis points, which may be negative (an exit threshold is a cost one accepts).</summary>
    public decimal Bps(string name, decimal fallback, decimal min, decimal max) =>
        Decimal(name, fallback, v => v >= min && v <= max, $"basis points from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A fee rate as a fraction of notional, such as 0.001 for 0.1 %.</summary>
    public decimal FeeRate(string name, decimal fallback) =>
        Decimal(name, fallback, v => v is >= 0m and < 0.01m, "a fee rate from 0 to below 0.01 (0.001 = 0.1%)");

    /// <summary>A duration given in seconds; fractions are allowed.</summary>
    public TimeSpan Seconds(string name, decimal fallback, bool allowZero = false)
    {
        var min = allowZero ? 0m : MinPositiveSeconds;
        var expected = $"a number of seconds from {min.ToString(CultureInfo.InvariantCulture)} to {MaxSeconds.ToString(CultureInfo.InvariantCulture)}";
        var seconds = Decimal(name, fallback, v => v >= min && v <= MaxSeconds, expected);

        // Through decimal, so that "0.1" is exactly 100 ms rather than the nearest double.
        return TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(seconds * TimeSpan.TicksPerSecond)));
    }

    public bool Boolean(string name, bool fallback)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return fallback;
        }

        return raw.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" or "ON" => true,
            "FALSE" or "0" or "NO" or "OFF" => false,
            _ => throw SettingsException.NotAllowed(name, raw, "true or false (also 1/0, yes/no, on/off)"),
        };
    }

    /// <summary>One of a fixed set of spellings, compared case-insensitively.</summary>
    public T Choice<T>(string name, T fallback, IReadOnlyList<KeyValuePair<string, T>> options)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return fallback;
        }

        foreach (var option in options)
        {
            if (string.Equals(option.Key, raw, StringComparison.OrdinalIgnoreCase))
            {
                return option.Value;
            }
        }

        throw SettingsException.NotAllowed(name, raw, "one of " + string.Join(", ", options.Select(o => o.Key)));
    }

    /// <summary>A credential. Its value never reaches an error message, not even when it is rejected.</summary>
    public Secret Secret(string name)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return Settings.Secret.None;
        }

        // Inner spaces or quotes are almost always a paste or quoting mistake that would only surface as an auth error.
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'')
            {
                throw SettingsException.NotAllowed(name, raw, "a value without spaces, quotes or control characters", isSecret: true);
            }
        }

        return new Secret(raw);
    }

    /// <summary>An absolute URL with one of the given schemes, without query or fragment.</summary>
    public Uri? Url(string name, params string[] schemes)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        var ok = Uri.TryCreate(raw, UriKind.Absolute, out var uri)
            && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            && uri.Host.Length > 0
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0;
        if (!ok)
        {
            var allowed = string.Join(" or ", schemes.Select(s => s + "://"));
            throw SettingsException.NotAllowed(name, raw, $"an absolute {allowed} URL without query or fragment");
        }

        return uri;
    }

    /// <summary>A DNS name or an IP address.</summary>
    public string? Host(string name)
    {
        var raw = Raw(name);
        if (raw is not null && Uri.CheckHostName(raw) == UriHostNameType.Unknown)
        {
            throw SettingsException.NotAllowed(name, raw, "a host name or IP address");
        }

        return raw;
    }

    /// <summary>A comma-separated list: items are trimmed and empty items dropped (a trailing comma is harmless).</summary>
    public ImmutableArray<string> List(string name, string fallback) =>
        [.. (Raw(name) ?? fallback).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private decimal Decimal(string name, decimal fallback, Func<decimal, bool> isAllowed, string expected)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!decimal.TryParse(raw, DecimalStyle, CultureInfo.InvariantCulture, out var value) || !isAllowed(value))
        {
            throw SettingsException.NotAllowed(name, raw, expected);
        }

        return value;
    }
}
