namespace Arb.Engine.Learning;

/// <summary>A policy file that cannot be used: the message names the file and what is wrong with it.</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException()
    {
    }

    public PolicyFileException(string message)
        : base(message)
    {
    }

    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
