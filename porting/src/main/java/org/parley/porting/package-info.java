/**
 * Moving discussions in and out from the command line ({@link org.parley.porting.PortingCli}) and
 * the sanitiser every import goes through ({@link org.parley.porting.ModerationSanitiser}). The
 * rules themselves live in core ({@code org.parley.core.porting}).
 */
package org.parley.porting;
