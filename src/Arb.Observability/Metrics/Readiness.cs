namespace Arb.Observability.Metrics;

/// <summary>One readiness condition, e.g. <c>books_valid</c>, <c>private_stream_authenticated</c> or <c>trading_state</c>.</summary>
/// <param name="Name">Short snake_case name shown in the <c>/readyz</c> body.</param>
/// <param name="Ok">Whether this condition holds.</param>
/// <param name="Detail">What was seen, e.g. <c>4/4 valid</c> or <c>halted</c>.</param>
public sealed record ReadinessCheck(string Name, bool Ok, string Detail);

/// <summary>The checks behind <c>/readyz</c>: ready when every check is ok (and there is at least one).</summary>
public sealed record ReadinessReport(IReadOnlyList<ReadinessCheck> Checks)
{
    public bool IsReady => Checks.Count > 0 && Checks.All(c => c.Ok);

    /// <summary>The plain-text body: a first line <c>ready</c> or <c>not ready</c>, then one line per check (<c>ok|fail name: detail</c>).</summary>
    public string ToText()
    {
        var text = new System.Text.StringBuilder(IsReady ? "ready\n" : "not ready\n");
        foreach (var check in Checks)
        {
            text.Append(check.Ok ? "ok " : "fail ").Append(check.Name).Append(": ").Append(check.Detail).Append('\n');
        }

        return text.ToString();
    }
}
