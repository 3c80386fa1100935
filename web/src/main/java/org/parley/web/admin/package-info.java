/**
 * The administrator API: sites and their allowed origins, article registration and discussion
 * state, staff accounts.
 */
package org.parley.web.admin;
