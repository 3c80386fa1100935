/**
 * Staff accounts (moderators and administrators) stored alongside the discussion data so the web
 * layer can log them in. Core stores password hashes as given and never handles passwords.
 * {@link org.parley.core.account.AccountService} is the entry point.
 */
package org.parley.core.account;
