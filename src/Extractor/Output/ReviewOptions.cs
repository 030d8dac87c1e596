namespace Extractor.Output;

/// <summary>
/// What <see cref="DocumentWriter"/> writes beside the data for a person to review it: <c>report.html</c>
/// (<see cref="Html"/>, the CLI's <c>--html</c>) and <c>annotated.pdf</c> (<see cref="Annotate"/>, <c>--annotate</c>),
/// a copy of the source PDF with the cells of failed checks outlined and a note on each.
/// </summary>
public sealed record ReviewOptions
{
    /// <summary>Neither file: the default, what the writer did before review files existed.</summary>
    public static ReviewOptions None { get; } = new();

    /// <summary>Write <c>report.html</c>.</summary>
    public bool Html { get; init; }

    /// <summary>Write <c>annotated.pdf</c>; needs the source PDF (<see cref="SourcePdf"/>, or a readable local <see cref="DocumentResult.Source"/> path).</summary>
    public bool Annotate { get; init; }

    /// <summary>
    /// The bytes of the PDF the document was converted from. When null, the annotator reads <see cref="SourceInfo.Path"/>
    /// if it is a local file. Either way the content must have the document's SHA-256.
    /// </summary>
    public byte[]? SourcePdf { get; init; }

    /// <summary>
    /// For a document converted from several files joined (<see cref="DocumentExtractor.Extract(IReadOnlyList{ValueTuple{byte[], string}}, CancellationToken)"/>):
    /// their bytes in the same order. The annotated PDF then holds all their pages, numbered as the document numbers them.
    /// </summary>
    public IReadOnlyList<byte[]>? SourcePdfParts { get; init; }

    /// <summary>File names inside a document's folder.</summary>
    public const string HtmlFile = "report.html";
    public const string AnnotatedPdfFile = "annotated.pdf";
}
