namespace Extractor.Recognition;

/// <summary>What the document says about itself (document.json <c>metadata</c>).</summary>
public sealed record DocumentMetadata(string Department, string Year, string Kind, string Published, string Unit);
