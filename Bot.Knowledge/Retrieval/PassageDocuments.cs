using System.Text.Json;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Passages;
using Lucene.Net.Documents;

namespace Bot.Knowledge.Retrieval;

/// <summary>Maps a passage to a Lucene document and back (the passage itself is stored as JSON).</summary>
internal static class PassageDocuments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Document ToDocument(Passage passage, QuestionBank bank)
    {
        var questions = string.Join('\n', bank.ByKey[passage.CitationKey].Where(q => q.BelongsTo(passage)).Select(q => RetrievalText.Normalize(q.Text)));
        var head = string.Join(' ', passage.CitationKey, passage.DocumentTitle, passage.Heading, passage.Keywords);
        var all = string.Join('\n', head, passage.Text, passage.Explanation);
        return
        [
            new StringField(IndexFields.Id, passage.Id, Field.Store.YES),
            new StringField(IndexFields.Document, passage.DocumentKey, Field.Store.NO),
            new StringField(IndexFields.Source, passage.Source.ToString(), Field.Store.NO),
            new StringField(IndexFields.Key, passage.CitationKey, Field.Store.NO),
            new StoredField(IndexFields.Json, JsonSerializer.Serialize(passage, Json)),
            new TextField(IndexFields.All, all, Field.Store.NO),
            new TextField(IndexFields.Head, head, Field.Store.NO),
            new TextField(IndexFields.Questions, questions, Field.Store.NO),
        ];
    }

    public static Passage FromDocument(Document document) =>
        JsonSerializer.Deserialize<Passage>(document.Get(IndexFields.Json, System.Globalization.CultureInfo.InvariantCulture), Json)
        ?? throw new InvalidOperationException("A stored passage could not be read back.");

    public static string Serialize(IReadOnlyList<Passage> passages) => JsonSerializer.Serialize(passages, Json);

    public static IReadOnlyList<Passage> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<Passage>>(json, Json) ?? [];
}
