/**
 * 统筹 — overflow placement: students left unplaced go to the nearest schools that still have seats,
 * in priority order, as one more deferred-acceptance round over distance-ordered lists.
 */
package org.xuewei.engine.overflow;
