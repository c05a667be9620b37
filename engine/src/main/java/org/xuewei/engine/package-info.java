/**
 * 派位引擎 — the allocation engine: deferred acceptance and immediate acceptance with tiers,
 * points, replayable lottery keys and bound groups, exactly as docs/lottery.md specifies.
 * Pure Java: no framework.
 */
package org.xuewei.engine;
