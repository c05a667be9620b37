/** Allocation runs (dry and final), lottery ceremonies, publication, admission notices, arrival confirmation, second batches. */
@org.springframework.modulith.ApplicationModule(displayName = "Admission")
package org.xuewei.platform.admission;
