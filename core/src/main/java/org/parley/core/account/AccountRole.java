package org.parley.core.account;

/** Role of a staff account. */
public enum AccountRole {
    MODERATOR,
    ADMINISTRATOR
}
