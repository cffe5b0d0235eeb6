using Microsoft.Extensions.FileProviders;

namespace Bot.Host.Web;

/// <summary>Serves the web chat page and the Web Chat bundle from the build output's wwwroot.</summary>
internal static class WebChatEndpoints
{
    public static WebApplication MapWebChat(this WebApplication app)
    {
        // The output folder, not the content root: `dotnet run --project Bot.Host` may start from any directory.
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
