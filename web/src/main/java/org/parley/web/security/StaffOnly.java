package org.parley.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.parley.core.account.AccountRole;

/**
 * Marks a resource class whose every endpoint needs a signed-in staff member with at least this
 * role; {@link Access} refuses everyone else before the resource runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StaffOnly {
    AccountRole value();
}
