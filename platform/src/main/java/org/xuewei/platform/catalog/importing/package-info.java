/** The one import path of schools, zones and plans: rows (from Excel or catalog.json), their checks, the writes. */
package org.xuewei.platform.catalog.importing;
