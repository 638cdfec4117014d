using System.Text;

namespace Arb.Bybit.Rest;

/// <summary>Builds a query string in the order parameters are added (the signature covers that order).</summary>
public sealed class BybitQuery
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds a parameter, percent-encoding its value.</summary>
    public BybitQuery Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return AddRaw(name, Uri.EscapeDataString(value));
    }

    /// <summary>Adds a parameter unless its value is null.</summary>
    public BybitQuery AddIfPresent(string name, string? value) => value is null ? this : Add(name, value);

    /// <summary>
    /// Adds a value that is already encoded, such as a <c>nextPageCursor</c>: Bybit returns cursors
    /// percent-encoded and expects them back unchanged (the official SDK sends them raw).
    /// </summary>
    public BybitQuery AddRaw(string name, string encodedValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(encodedValue);
        if (_text.Length > 0)
        {
            _text.Append('&');
        }

        _text.Append(Uri.EscapeDataString(name)).Append('=').Append(encodedValue);
        return this;
    }

    public override string ToString() => _text.ToString();
}
