using Bot.Knowledge.Ingestion;

namespace Bot.Tests.Storage;

/// <summary>The contract of the knowledge document store: one version per key, written only when its content changed.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public void A_knowledge_document_is_stored_once_per_content_and_replaced_by_a_new_version()
    {
        var documents = Host.Get<IKnowledgeDocumentStore>();
        Assert.Empty(documents.List());
        var uu = new KnowledgeDocument("UU 35/2009", "AA01", """[{"id":"uu-1"}]""");

        Assert.True(documents.Save(uu));
        Assert.False(documents.Save(uu));
        Assert.True(documents.Save(new KnowledgeDocument("PP 25/2011", "BB02", """[{"id":"pp-1"}]""")));
        Assert.Equal([("PP 25/2011", "BB02"), ("UU 35/2009", "AA01")], documents.List().Select(v => (v.Key, v.ContentHash)));

        var newer = uu with { ContentHash = "CC03", Passages = """[{"id":"uu-1b"}]""" };
        Assert.True(documents.Save(newer));
        Assert.Equal([("PP 25/2011", "BB02"), ("UU 35/2009", "CC03")], documents.List().Select(v => (v.Key, v.ContentHash)));
        Assert.Equal([newer], documents.Load(["UU 35/2009", "PP 99/2030"]));
        Assert.Equal(2, documents.Load(["PP 25/2011", "UU 35/2009"]).Count);
        Assert.Empty(documents.Load([]));
    }
}
