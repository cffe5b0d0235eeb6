using Bot.Knowledge.Language;

namespace Bot.Tests.Knowledge.Language;

/// <summary>The labelled-example format every understanding data file is written in.</summary>
public sealed class ExampleFileTests
{
    [Fact]
    public void ReadsLabelsExamplesAndEntities()
    {
        var examples = ExampleFile.Parse("""
            # a comment
            ## intent: progress.report
            - lapor [RA-2026-001](ra_code) [semester 1](period:B6)
            - mau lapor progres

            ## greeting
            - halo
            """);

        Assert.Equal(3, examples.Count);
        var first = examples[0];
        Assert.Equal(("intent", "progress.report", "lapor RA-2026-001 semester 1"), (first.Kind, first.Label, first.Text));
        Assert.Equal([new EntitySpan("ra_code", "RA-2026-001", 6, 11), new EntitySpan("period", "B6", 18, 10)], first.Entities);
        Assert.Equal("RA-2026-001", first.Text.Substring(first.Entities[0].Start, first.Entities[0].Length));
        Assert.Equal(("intent", "greeting", "halo"), (examples[2].Kind, examples[2].Label, examples[2].Text));
    }

    [Theory]
    [InlineData("- an example before a heading", 1)]
    [InlineData("## intent: x\nnot a list item", 2)]
    [InlineData("## intent: x\n- bad [](entity)", 2)]
    [InlineData("## intent:\n- x", 1)]
    public void AMalformedFileIsRefusedWithTheLine(string text, int line)
    {
        var error = Assert.Throws<FormatException>(() => ExampleFile.Parse(text));
        Assert.StartsWith($"Line {line}:", error.Message, StringComparison.Ordinal);
    }
}
