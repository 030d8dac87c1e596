using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Extractor.Batch;

/// <summary>
/// The worker side of <see cref="WorkerPool"/>: a process (<c>extractor worker</c>) that converts one document per request
/// (<see cref="WorkerProtocol"/>) and writes its folder, until its input ends. It is killed by the batch when a document
/// breaks a limit, so nothing here has to stop a runaway conversion; when its managed heap reaches the hard limit the
/// batch set (<c>DOTNET_GCHeapHardLimit</c>), the document is reported <c>too_large</c> and the process ends, to be replaced.
/// </summary>
public static class WorkerHost
{
    /// <summary>Serves requests read from <paramref name="input"/>, one reply a line on <paramref name="output"/>. Returns when the input ends.</summary>
    /// <remarks>
    /// The input is read on a thread of its own: when it ends (the batch closed it, or died), the process exits at once,
    /// even in the middle of a conversion, whose half-written folder (a temporary name) the next run removes.
    /// </remarks>
    public static void Serve(DocumentExtractor extractor, TextReader input, TextWriter output, Action? endOfInput = null)
    {
        // PDF libraries catch broadly; a heap at its limit must not pass for a damaged page. Any OutOfMemoryException
        // thrown while a document is converted, caught or not, makes it too_large.
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is OutOfMemoryException) Volatile.Write(ref _outOfMemory, 1);
        };
        var requests = new BlockingCollection<string>();
        var reader = new Thread(() =>
        {
            while (input.ReadLine() is { } line) requests.Add(line);
            requests.CompleteAdding();
            (endOfInput ?? (() => Environment.Exit(0)))();
        }) { IsBackground = true, Name = "worker input" };
        reader.Start();

        foreach (var line in requests.GetConsumingEnumerable())
        {
            var request = WorkerProtocol.Read(line, WorkerProtocol.Request);
            var (reply, exit) = Convert(extractor, request);
            output.WriteLine(WorkerProtocol.Write(reply, WorkerProtocol.Reply));
            output.Flush();
            if (exit) Environment.Exit(3);
        }
    }

    private static int _outOfMemory;

    private static (WorkerReply Reply, bool Exit) Convert(DocumentExtractor extractor, WorkerRequest message)
    {
        var request = message.ToRequest();
        var settings = message.ToSettings();
        Volatile.Write(ref _outOfMemory, 0);
        try
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(request.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (WorkerReply.Of(new ConversionResult(DocumentConversion.Failure(DocumentConversion.UnknownDocId(request.Source), request.Source,
                    ErrorCodes.Corrupt, $"The input could not be read ({e.Message})."))), false);
            }
            if (System.Convert.ToHexStringLower(SHA256.HashData(bytes)) != request.Sha256)
            {
                return (WorkerReply.Of(new ConversionResult(DocumentConversion.Failure(DocumentConversion.UnknownDocId(request.Source), request.Source,
                    ErrorCodes.Corrupt, "The file changed while the batch was running; run the batch again."))), false);
            }
            var result = InProcessConverter.RunOnLargeStack(() => DocumentConversion.Run(extractor, bytes, request, settings, CancellationToken.None))
                .GetAwaiter().GetResult();
            if (Volatile.Read(ref _outOfMemory) == 0) return (WorkerReply.Of(result), false);
            // Out of memory inside a library that carried on: the document is too large whatever it reported, and its
            // folder, if one was written, may lack what the library dropped.
            OutputJanitor.RemoveDocument(settings.OutputDirectory, request.DocId);
            return (WorkerReply.Of(new ConversionResult(DocumentConversion.TooLarge(request.DocId, request.Source, message.MaxMemoryBytes)), exiting: true), true);
        }
        catch (OutOfMemoryException)
        {
            // The heap's hard limit: what the document holds is gone with the exception, but the process is not trusted
            // to go on (a half-built structure anywhere); it says so and ends, and the batch starts another.
            var limit = message.MaxMemoryBytes;
            return (WorkerReply.Of(new ConversionResult(DocumentConversion.TooLarge(request.DocId, request.Source, limit)), exiting: true), true);
        }
    }
}
