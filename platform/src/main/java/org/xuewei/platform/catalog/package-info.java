/** Reference data of the city: administrative divisions (districts, streets, communities); later schools, enrollment plans, zones and geodata. */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.xuewei.platform.catalog;
