using System.Runtime.InteropServices;

namespace Arb.Engine.State;

/// <summary>
/// fsync of a directory on Linux, so the renames of a save survive a power cut, not only a killed process (which
/// the page cache already survives). .NET cannot open a directory as a file, hence libc. Best effort: on other
/// systems, or if libc is not reachable, it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>True when the directory was opened and synced.</summary>
    public static bool Flush(string directory)
    {
        if (s_unavailable)
        {
            return false;
        }

        try
        {
            var fd = Open(directory, ReadOnly);
            if (fd < 0)
            {
                return false;
            }

            var synced = FSync(fd) == 0;
            _ = Close(fd);
            return synced;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
