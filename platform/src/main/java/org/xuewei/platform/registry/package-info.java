/** Client of the government data-sharing exchange: typed facts, resilience, evidence snapshots (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.xuewei.platform.registry;
