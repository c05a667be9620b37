/**
 * The policy console: district administrators edit their policy (forms and a CEL editor), validate, preview it
 * against the applicants (or a synthetic population), and publish it with a second administrator's approval;
 * every command is audited. The policy core does not depend on this package.
 */
package org.xuewei.platform.policy.web;
