package org.parley.core.porting;

/**
 * Reads one import file record by record, never the whole file at once. Malformed input raises
 * {@link org.parley.core.ValidationException} (field {@code file}) naming the line; the caller's
 * transaction then writes nothing.
 */
public interface SourceReader extends AutoCloseable {

    SourceFormat format();

    /** The next record, or {@code null} at the end of the file. */
    SourceItem next();

    @Override
    void close();
}
