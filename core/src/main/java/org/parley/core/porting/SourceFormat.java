package org.parley.core.porting;

/** The file formats Parley imports. */
public enum SourceFormat {
    /** A Disqus export: {@code <disqus>} with {@code <thread>} and {@code <post>} elements. */
    DISQUS,
    /** A WordPress export (WXR): RSS 2.0 with the {@code wp:} namespace, comments inside each {@code <item>}. */
    WXR,
    /** A Parley export: NDJSON, one record per line (see {@code PortingService#export}). */
    PARLEY
}
