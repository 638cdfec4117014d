namespace Arb.Engine.State;

/// <summary>Which file a load used.</summary>
public enum StateSource
{
    /// <summary>Neither file exists: the first start, nothing to resume.</summary>
    None,

    Main,

    /// <summary>The main file was missing or bad and the previous snapshot was used.</summary>
    Backup,
}
