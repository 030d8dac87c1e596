using Extractor.Output;

namespace Extractor.Tests.Output;

/// <summary>Only a doc_id the extractor makes becomes a folder, and only directly inside the output folder.</summary>
public sealed class DocumentFolderTests
{
    [Theory]
    [InlineData("seed-calc-8778bc6c")]
    [InlineData("2024年_某局_决算-abcdef12")]
    [InlineData("a-b-c-00000000")]
    [InlineData("document-0123abcd")]
    public void The_doc_ids_the_extractor_makes_are_accepted(string docId)
    {
        Assert.True(DocumentFolder.IsDocId(docId));
        Assert.Equal(Path.Combine(Path.GetFullPath("/out"), docId), DocumentFolder.PathOf("/out", docId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../shard0/payload")]
    [InlineData("../x-12345678")]
    [InlineData("a/b-12345678")]
    [InlineData("a\\b-12345678")]
    [InlineData("/tmp/x-12345678")]
    [InlineData(".hidden-12345678")]
    [InlineData("=x-12345678")]
    [InlineData("x-1234567")]
    [InlineData("x-1234567G")]
    [InlineData("x-ABCDEF12")]
    [InlineData("x 1-12345678")]
    [InlineData("x\n-12345678")]
    public void Anything_else_is_refused(string docId)
    {
        Assert.False(DocumentFolder.IsDocId(docId));
        Assert.Throws<InvalidDataException>(() => DocumentFolder.PathOf("/out", docId));
    }

    [Fact]
    public void Every_name_a_doc_id_is_made_from_gives_one_that_is_accepted()
    {
        var random = new Random(16);
        const string alphabet = "ab.-_=+@ /\\:*?\"<>|\t\u0001年决算%()[]{}'!~";
        for (var i = 0; i < 2000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 130)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var docId = DocumentExtractor.DocId(name + ".pdf", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))));
            Assert.True(DocumentFolder.IsDocId(docId), $"'{name}' gave '{docId}'");
        }
    }

    [Theory]
    [InlineData(new[] { 3 }, "3")]
    [InlineData(new[] { 2, 3, 4 }, "2, 3, 4")]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 20 }, "1–11, 13–14, 20")]
    public void Long_page_lists_are_written_as_ranges(int[] pages, string written) =>
        Assert.Equal(written, OutputLimits.Pages(pages));
}
