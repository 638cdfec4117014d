using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>
/// Executions from <c>GET /v5/execution/list</c>, newest first as Bybit sorts them, split by kind.
/// </summary>
/// <param name="Fills">Rows with <c>execType</c> Trade: executions of orders.</param>
/// <param name="Funding">Rows with <c>execType</c> Funding.</param>
/// <param name="OtherExecTypes">The <c>execType</c> of every other row (ADL, liquidation, delivery…): the bot
/// never causes them, so the caller should treat any as an alarm rather than a fill.</param>
public sealed record ExecutionHistory(
    IReadOnlyList<Fill> Fills,
    IReadOnlyList<FundingPayment> Funding,
    IReadOnlyList<string> OtherExecTypes);
