/** The web shell: layout, language switch, landing page, staff console home, error pages and API problem details. */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.xuewei.platform.web;
