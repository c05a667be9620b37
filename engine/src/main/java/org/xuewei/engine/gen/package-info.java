/** Deterministic generator of large instances, so anyone can reproduce the benchmarks. */
package org.xuewei.engine.gen;
