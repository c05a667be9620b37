/** The tamper-evident, append-only audit log (hash chain) that every module writes to. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.xuewei.platform.audit;
