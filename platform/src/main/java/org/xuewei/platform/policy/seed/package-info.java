/**
 * The shipped policies put into the store for the current season: all three Nanchang examples in the demo
 * profile, the city default only when {@code xuewei.policy.import-city-default=true} (production's one-time import).
 */
package org.xuewei.platform.policy.seed;
