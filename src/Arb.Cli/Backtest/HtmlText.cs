using System.Net;
using System.Text;

namespace Arb.Cli.Backtest;

/// <summary>Small helpers that write escaped HTML, so every piece of report text reaches the page as text, never as markup.</summary>
internal static class HtmlText
{
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A table with a header row; cells after the first are right-aligned figures when <paramref name="figures"/> is set.</summary>
    public static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool figures)
    {
        var cellClass = figures ? " class=\"num\"" : string.Empty;
        html.Append("<table>\n<thead><tr>");
        foreach (var (header, index) in headers.Select((h, i) => (h, i)))
        {
            html.Append(index == 0 ? "<th>" : $"<th{cellClass}>").Append(Escape(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (cell, index) in row.Select((c, i) => (c, i)))
            {
                html.Append(index == 0 ? "<td>" : $"<td{cellClass}>").Append(Escape(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A two-column label/value table.</summary>
    public static void Lines(StringBuilder html, IEnumerable<SummaryLine> lines)
    {
        html.Append("<table class=\"lines\">\n<tbody>\n");
        foreach (var line in lines)
        {
            html.Append("<tr><th>").Append(Escape(line.Label)).Append("</th><td>").Append(Escape(line.Value)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
