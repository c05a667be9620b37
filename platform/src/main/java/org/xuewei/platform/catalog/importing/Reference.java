package org.xuewei.platform.catalog.importing;

import org.xuewei.platform.catalog.School;

import java.util.Map;
import java.util.Set;

/**
 * What the checks compare rows with: the city's districts and communities, and the schools already
 * stored.
 *
 * @param districts   district codes
 * @param communities community code → its district's code
 * @param schools     stored schools by code
 */
public record Reference(Set<String> districts, Map<String, String> communities, Map<String, School> schools) {
}
