/**
 * What the application stands on: configuration through MicroProfile Config, the runtime that
 * opens core and the screening pipeline, the resolution of a site's screening policy
 * ({@link org.parley.web.platform.SitePolicies}), the start-up sequence (first administrator,
 * demo), health checks, password hashing, and the caching and compression of the static files
 * ({@link org.parley.web.platform.StaticAssets}).
 */
package org.parley.web.platform;
