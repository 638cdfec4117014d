namespace Arb.Bybit.Rest;

/// <summary>Follows Bybit's <c>nextPageCursor</c> until it comes back empty.</summary>
internal static class CursorPages
{
    // Far beyond any real listing; stops a server that keeps handing out cursors.
    private const int MaxPages = 100;

    /// <param name="fetchPage">Fetches the page at a cursor (null: the first), keeps its rows, returns the next cursor.</param>
    public static async Task WalkAsync(string endpoint, Func<string?, Task<string?>> fetchPage)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var next = await fetchPage(cursor).ConfigureAwait(false);

            // A repeated cursor would loop forever.
            if (next is null || !seen.Add(next))
            {
                return;
            }

            cursor = next;
        }

        throw new BybitRestException(endpoint, $"Bybit {endpoint} kept paginating past {MaxPages} pages.");
    }
}
