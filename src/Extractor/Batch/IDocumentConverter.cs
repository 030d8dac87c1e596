namespace Extractor.Batch;

/// <summary>
/// Converts one input within the batch's limits and writes its folder: in this process (<see cref="InProcessConverter"/>)
/// or in worker processes that are killed and replaced when a document breaks a limit (<see cref="WorkerPool"/>).
/// Every failure of the document is an outcome; only the batch's cancellation throws.
/// </summary>
internal interface IDocumentConverter : IDisposable
{
    Task<ConversionResult> ConvertAsync(byte[] bytes, ConversionRequest request, CancellationToken cancellationToken);
}
