namespace Arb.Simulator.Rest;

/// <summary>
/// A request parameter is missing or invalid. Raised while reading the query, before any market state is read,
/// and answered as <c>retCode 10001</c>.
/// </summary>
public sealed class ParamsErrorException : Exception
{
    public ParamsErrorException()
        : this("params error")
    {
    }

    public ParamsErrorException(string message)
        : base(message)
    {
    }

    public ParamsErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
