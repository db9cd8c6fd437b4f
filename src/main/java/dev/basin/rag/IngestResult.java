package dev.basin.rag;

/**
 * The outcome of one ingest: the upload row (new, or the one already holding the same content) and whether this call
 * inserted anything. When {@code inserted} is false nothing was written.
 */
public record IngestResult(UploadRow upload, boolean inserted) {
    /** One line for people: what happened to the document. */
    public String describe() {
        return inserted
                ? "inserted " + upload.uploadId() + " (" + upload.filename() + ", " + upload.chunkCount() + " chunks, domain "
                        + upload.domain() + ")"
                : "already stored as " + upload.uploadId() + " (" + upload.filename() + "): nothing inserted";
    }
}
