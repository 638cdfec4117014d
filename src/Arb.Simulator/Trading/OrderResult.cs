namespace Arb.Simulator.Trading;

/// <summary>
/// What a create or cancel did: retCode 0 with the order's state and the fills it produced, or a Bybit error
/// code with no order (a request refused at validation never becomes an order, as on Bybit's API).
/// </summary>
public sealed record OrderResult(int RetCode, string RetMsg, SimOrder? Order, IReadOnlyList<SimExecution> Executions)
{
    public bool IsOk => RetCode == SimRetCodes.Ok;

    public static OrderResult Fail(int code, string? detail = null) =>
        new(code, detail is null ? SimRetCodes.Message(code) : $"{SimRetCodes.Message(code)}: {detail}", null, []);

    public static OrderResult Ok(SimOrder order, IReadOnlyList<SimExecution> executions) =>
        new(SimRetCodes.Ok, "OK", order, executions);
}
