package org.xuewei.platform.identity.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The demo logins file: readable by its owner only, one account per line. */
final class DemoLoginsFile {

    private final Path path;

    DemoLoginsFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** True when the file exists and lists every wanted username. */
    boolean covers(List<DemoLogin> wanted) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.trim().split("\\s+")[0]);
            }
        }
        return wanted.stream().allMatch(login -> listed.contains(login.username()));
    }

    void write(List<DemoLogin> logins) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# Xuewei demo staff logins (demo profile only; generated passwords, kept with the demo data)\n")
                .append("# username            password          role                scope\n");
        for (DemoLogin login : logins) {
            String scope = login.districtCode() == null ? "city" : login.districtCode() + " " + login.districtName();
            text.append(String.format("%-21s %-17s %-19s %s%n", login.username(), login.password(),
                    login.role().name(), scope));
        }
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(path.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
