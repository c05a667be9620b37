/** Checks of a claimed result against docs/lottery.md §2 and §6: feasibility, no wasted seat, no justified envy. */
package org.xuewei.engine.check;
