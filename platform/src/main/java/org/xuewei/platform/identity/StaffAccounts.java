package org.xuewei.platform.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.catalog.Districts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff accounts: creating them, changing passwords, and loading them for sign-in. Passwords are
 * stored only as BCrypt hashes; every change is written to the audit log.
 */
@Service
public class StaffAccounts implements UserDetailsService {

    /** Lower-case letters, digits and dashes, 3 to 40 characters, not starting with a dash. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Districts districts;
    private final AuditLog audit;

    StaffAccounts(StaffAccountRepository repository, PasswordEncoder passwordEncoder, Districts districts,
            AuditLog audit) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.districts = districts;
        this.audit = audit;
    }

    /**
     * Creates an account. Refuses a malformed or taken username, a short password, a district that
     * is not one of the city's, and a scope that does not fit the role.
     *
     * @param actor who creates it (for the audit log)
     */
    @Transactional
    public StaffAccount create(String actor, String username, String rawPassword, StaffRole role,
            String districtCode, String schoolId) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A username has 3-40 lower-case letters, digits or dashes: " + username);
        }
        checkPassword(rawPassword);
        if (role.needsDistrict()) {
            if (districtCode == null || districts.find(districtCode).isEmpty()) {
                throw new IllegalArgumentException("Role " + role + " needs one of the city's district codes, got " + districtCode);
            }
        } else if (districtCode != null) {
            throw new IllegalArgumentException("Role " + role + " covers the whole city and takes no district code");
        }
        if ((role == StaffRole.SCHOOL) != (schoolId != null && !schoolId.isBlank())) {
            throw new IllegalArgumentException("A school id is required for SCHOOL accounts and only for them");
        }
        if (repository.exists(username)) {
            throw new IllegalArgumentException("The username " + username + " is taken");
        }
        StaffAccount account = new StaffAccount(username, role, districtCode, schoolId, true);
        repository.insert(account, passwordEncoder.encode(rawPassword));
        audit.record(new AuditEntry(actor, "identity.account.created", username, "",
                role + (districtCode == null ? "" : " " + districtCode) + (schoolId == null ? "" : " " + schoolId)));
        return account;
    }

    /** Sets a new password. */
    @Transactional
    public void changePassword(String actor, String username, String rawPassword) {
        checkPassword(rawPassword);
        if (repository.updatePassword(username, passwordEncoder.encode(rawPassword)) != 1) {
            throw new IllegalArgumentException("No staff account is named " + username);
        }
        audit.record(new AuditEntry(actor, "identity.account.password-changed", username, "", ""));
    }

    public Optional<StaffAccount> find(String username) {
        return repository.findPrincipal(username).map(StaffPrincipal::account);
    }

    public boolean exists(String username) {
        return repository.exists(username);
    }

    public List<StaffAccount> all() {
        return repository.findAll();
    }

    @Override
    public StaffPrincipal loadUserByUsername(String username) {
        return repository.findPrincipal(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
    }

    private static void checkPassword(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
