/**
 * What a request must be before any resource sees it: a bounded size (413 from {@code Content-Length},
 * and chunked bodies cut off while reading), a path without encoded separators or NUL, and a JSON
 * body that is strict UTF-8, one value without trailing data or duplicate keys, of exactly the
 * declared member types, and free of text no database stores faithfully (NUL, unpaired surrogates).
 * Everything refused here is a 4xx problem and nothing has been written.
 */
package org.parley.web.input;
