/**
 * Moving discussions in and out: reading Disqus, WordPress (WXR) and Parley exports as streams
 * ({@link org.parley.core.porting.SourceReaders}), the import rules (idempotent by source keys,
 * placeholders for deleted posts with replies, original times and authors) and the NDJSON export of
 * a site. Entry point: {@link org.parley.core.porting.PortingService}.
 */
package org.parley.core.porting;
