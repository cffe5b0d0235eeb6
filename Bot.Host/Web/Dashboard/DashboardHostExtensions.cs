namespace Bot.Host.Web.Dashboard;

/// <summary>Registers what the dashboard's web side needs beyond the conversation layer.</summary>
internal static class DashboardHostExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The stores, sign-in and sessions come with AddBotDialogs; the web side only adds its filter.
        services.AddSingleton<DashboardAuthFilter>();
        // The pages are Razor components rendered on the server (RazorComponentResult): encoding by construction, no script.
        services.AddRazorComponents();
        return services;
    }
}
