/**
 * Small helpers every package may use and that depend on no feature package: argument checks
 * ({@link org.parley.core.support.Require}, also used by the web layer to check input the same
 * way), JSON building ({@link org.parley.core.support.Json}) and opaque keyset cursors
 * ({@link org.parley.core.support.Cursors}).
 */
package org.parley.core.support;
