namespace Arb.Engine.State;

/// <summary>
/// A snapshot could not be saved (disk full, permissions, an invalid snapshot). The files on disk still hold the
/// last good snapshot: as they were before the attempt, or at worst the main file gone and the backup holding it.
/// </summary>
public sealed class StateSaveException(string message, Exception? inner = null) : Exception(message, inner);
