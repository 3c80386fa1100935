/**
 * RFC 9457 problem details: the one shape of every error answer, the typed exception resources
 * throw, field validation, and the mappers that turn core's exceptions, JSON parse failures and
 * unexpected errors into problems without ever exposing a stack trace.
 */
package org.parley.web.problem;
