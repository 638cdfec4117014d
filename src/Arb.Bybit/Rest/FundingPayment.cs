namespace Arb.Bybit.Rest;

/// <summary>
/// One funding settlement on a linear position, from an execution row with <c>execType</c> Funding.
/// </summary>
/// <param name="Amount">Settle coin received: negative when paid. Bybit's <c>execFee</c> has the opposite sign.</param>
/// <param name="Rate">The funding rate as Bybit shows it (<c>feeRate</c>, possibly rounded).</param>
/// <param name="ExecId">Bybit's id for the settlement, to count each once.</param>
public sealed record FundingPayment(string Symbol, decimal Amount, decimal Rate, long TimeMs, string ExecId);
