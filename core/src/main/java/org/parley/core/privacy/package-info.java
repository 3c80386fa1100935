/**
 * Data portability and erasure: an article's thread and an author's data exported as JSON, and an
 * author's personal data erased on request (bodies blanked, name and e-mail removed, audit records
 * kept without the personal data). {@link org.parley.core.privacy.PrivacyService} is the entry point.
 */
package org.parley.core.privacy;
