/** The auditors' command line (picocli): allocate, verify, seed, generate. */
package org.xuewei.engine.cli;
