/**
 * Comments and replies: posting with a screening verdict, editing within the window (every
 * revision kept), deleting one's own, reacting. {@link org.parley.core.comment.CommentStatus} is
 * the state machine; {@link org.parley.core.comment.CommentService} is the entry point. Raw body
 * and safe HTML are stored side by side; only the HTML is ever rendered.
 */
package org.parley.core.comment;
