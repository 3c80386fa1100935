package org.parley.moderation.sanitize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * Marks code in the trusted computing base: there is a security property (no script from a
 * reader's text runs in a page) that is violated if this code is wrong. Marked code is kept small,
 * changed only with a new run of the XSS harness and a reviewer who reads it for that property
 * (docs/SECURITY-XSS.md lists what is marked and why). Modelled on OWASP java-html-sanitizer's own
 * {@code @TCB}; it has no effect at run time.
 */
@Documented
@Target({ElementType.TYPE, ElementType.CONSTRUCTOR, ElementType.METHOD, ElementType.FIELD, ElementType.PACKAGE})
public @interface TCB {}
