using Bot.Dialogs.Engine.Protection;
using Bot.Dialogs.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Bot.Host.Web.SignedLinks;

/// <summary>
/// ASP.NET Core Data Protection for signed links (dashboard sign-in, evidence): one key ring in the data folder and a
/// fixed application name, so links survive a restart and every process on the folder accepts the same links.
/// </summary>
public static class SignedLinksServiceCollectionExtensions
{
    /// <summary>The key ring's folder inside <see cref="StorageOptions.DataDirectory"/>.</summary>
    public const string KeysFolder = "keys";

    /// <summary>Fixed, so that a moved or renamed install still reads its own keys (the default is the content root).</summary>
    public const string ApplicationName = "Sinergi";

    public static IServiceCollection AddSignedLinks(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);

        // PersistKeysToFileSystem, deferred until the data folder's option is bound. The folder is the owner's only:
        // on Linux the keys are stored unencrypted (no DPAPI), and they mint any link.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(KeysDirectory(storage.Value), logging));
        services.AddSingleton<ILinkProtector, DataProtectionLinks>();
        return services;
    }

    private static DirectoryInfo KeysDirectory(StorageOptions storage)
    {
        var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), KeysFolder);
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
