/**
 * Parley's web application on Payara Micro: the versioned REST API ({@code /api/v1}), served
 * together with the widget and moderator pages. It wires {@code core} (storage) and
 * {@code moderation} (screening) together; sub-packages split the API by audience.
 */
package org.parley.web;
