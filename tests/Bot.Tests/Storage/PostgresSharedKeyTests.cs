using Bot.Dialogs.Engine.Protection;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Web.SignedLinks;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>
/// Several hosts on one PostgreSQL share their keys: a signed link made by one host verifies on another (the Data
/// Protection key ring is in the database, not in each data folder), a Direct Line token issued by one is read by
/// another, and a host refuses to start on PostgreSQL without a configured Direct Line signing key.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresSharedKeyTests(PostgresServer server) : IDisposable
{
    private const string SigningKey = "a-shared-signing-key-of-at-least-32-characters";

    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();
    private readonly string _connectionString = server.CreateDatabase();

    [Fact]
    public void A_signed_link_from_one_host_verifies_on_another()
    {
        using var hostA = Host(_first.Path);
        using var hostB = Host(_second.Path);
        var expires = hostA.Time.GetUtcNow().AddHours(1);

        var link = hostA.Get<ILinkProtector>().Protect("evidence", "E-42", expires);
        var read = hostB.Get<ILinkProtector>().Unprotect("evidence", link);

        Assert.Equal(ProtectedState.Valid, read.State);
        Assert.Equal("E-42", read.Payload);
        Assert.False(Directory.Exists(Path.Combine(_second.Path, SignedLinksServiceCollectionExtensions.KeysFolder))
            && Directory.EnumerateFiles(Path.Combine(_second.Path, SignedLinksServiceCollectionExtensions.KeysFolder)).Any());
    }

    [Fact]
    public async Task A_direct_line_token_from_one_host_is_read_on_another()
    {
        var issued = Tokens(_first.Path).Issue("conv-1", "dl_user", "Ani");
        var (failure, grant) = await Tokens(_second.Path).ReadAsync(issued.Token, TestContext.Token);

        Assert.Equal(TokenFailure.None, failure);
        Assert.Equal("conv-1", grant!.ConversationId);
    }

    [Fact]
    public void A_postgres_host_without_a_configured_signing_key_refuses_to_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = _connectionString,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDirectLine(configuration));
        Assert.Contains("DirectLine:TokenSigningKey", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private DialogsHost Host(string folder) => new(folder, settings: new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Sinergi"] = _connectionString,
    });

    /// <summary>A host's token service as AddDirectLine builds it, on its own data folder, with the configured key.</summary>
    private static DirectLineTokens Tokens(string folder)
    {
        var options = Options.Create(new DirectLineOptions { TokenSigningKey = SigningKey });
        var key = new DirectLineSigningKey(options, Options.Create(new Bot.Dialogs.Storage.StorageOptions { DataDirectory = folder }));
        return new DirectLineTokens(key, TimeProvider.System, options);
    }
}
