using System.Globalization;

namespace Arb.Simulator.Rest;

/// <summary>
/// Cursor paging over an already sorted list. The cursor is the offset of the next row as text; Bybit's
/// cursors are opaque to clients, so any token that round-trips is faithful. "" marks the last page.
/// </summary>
internal static class Page
{
    public static (IReadOnlyList<T> Rows, string NextCursor) Of<T>(IReadOnlyList<T> rows, int limit, string? cursor)
    {
        var offset = 0;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > rows.Count))
        {
            throw new ParamsErrorException($"params error: cursor '{cursor}' is invalid");
        }

        var page = rows.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < rows.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "";
        return (page, next);
    }
}
