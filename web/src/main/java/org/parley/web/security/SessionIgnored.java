package org.parley.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that is authorised by a token in its URL (the links in Parley's mails) and
 * never acts for the staff session a browser may also hold: {@link Access} asks no CSRF token of
 * its writes, so a moderator who follows their own confirmation link is not refused. The resource
 * must not read the {@link Caller}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SessionIgnored {}
