/**
 * What the application stands on: configuration through MicroProfile Config, the runtime that
 * opens core and the screening pipeline, the start-up sequence (first administrator, demo), health
 * checks and password hashing.
 */
package org.parley.web.platform;
