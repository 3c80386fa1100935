/**
 * The demo content ensured at start: a site, an article we wrote, and a thread of civil and
 * hostile replies posted through the real screening pipeline.
 */
package org.parley.web.demo;
