/**
 * Technical support shared by the feature packages: argument checks and (in
 * {@code persistence}) the only code that touches the {@code EntityManager}. Nothing here is part
 * of the library's API even where Java visibility forces it to be public.
 */
package org.parley.core.infrastructure;
