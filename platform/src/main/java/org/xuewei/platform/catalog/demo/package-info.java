/** Demo profile: the synthetic city's catalog export imported on first start. */
package org.xuewei.platform.catalog.demo;
