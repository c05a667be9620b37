/** Accounts and sign-in: staff accounts with roles scoped to a district or school, staff login, and the hook for parents' OIDC login. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.xuewei.platform.identity;
