package org.parley.web.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds secrets (the token key, first-start credentials) and the H2 database, so
 * only the server's own user may read it: the folder is created {@code rwx------}, and every file
 * Parley creates there is created {@code rw-------} in the same system call (no window in which it
 * is readable by others). H2 creates files of its own with the process umask; the folder's mode
 * already keeps other users out of them, and the database file itself is created here first,
 * owner-only, so H2 opens it instead of creating it. A folder left by an older version is
 * tightened at start. On a file system without POSIX permissions nothing is changed.
 */
public final class DataFolder {

    static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {}

    /** Creates (or tightens) {@code folder} and the files already in it. */
    public static void prepare(Path folder) {
        try {
            if (posix(nearestExisting(folder))) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                Files.setPosixFilePermissions(folder, OWNER_FOLDER);
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(file, OWNER_FILE);
                    }
                }
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
    }

    /** Creates {@code file} empty and owner-only unless it exists; answers whether it was created. */
    public static boolean createOwnerOnly(Path file) throws IOException {
        try {
            if (posix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Appends {@code lines} to {@code file}, creating it owner-only first when needed. */
    public static void append(Path file, List<String> lines) throws IOException {
        createOwnerOnly(file);
        Files.write(file, lines, StandardOpenOption.APPEND);
    }

    private static Path nearestExisting(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static boolean posix(Path anyPath) {
        return anyPath != null
                && anyPath.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
