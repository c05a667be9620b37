/** Client of the government data-sharing exchange: registry look-ups with resilience, evidence snapshots, typed facts for the policy. */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.xuewei.platform.registry;
