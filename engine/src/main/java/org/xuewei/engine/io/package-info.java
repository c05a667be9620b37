/** Streaming JSON in and out: instance files, result files (docs/lottery.md §1, §5). */
package org.xuewei.engine.io;
