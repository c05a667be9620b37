/** Allocation runs, lottery ceremonies, results, publication, arrival confirmation, second batches (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Admission")
package org.xuewei.platform.admission;
