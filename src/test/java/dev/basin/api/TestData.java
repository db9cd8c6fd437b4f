package dev.basin.api;

import dev.basin.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Parent rows (a session and a kernel) for tests of features that only need a kernel to refer to. */
final class TestData {
    private TestData() {}

    /** Inserts a running session and an awake root kernel; returns the kernel id. */
    static String kernel(Store store, String hex) {
        String session = "ses_" + hex;
        String kernel = "krn_" + hex;
        try (Connection c = store.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (session_id, seed, status) VALUES (?, 1, 'running')")) {
                ps.setString(1, session);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kernels (kernel_id, session_id, name, generation, status, basin, "
                    + "phi, kappa, kappa_eff, regime, neurotransmitters, rng_state) VALUES (?, ?, 'fixture', 0, 'awake', "
                    + "array_fill(1.0/64, ARRAY[64]), 0, 64.21, 64.21, 'geometric', '{}', 1)")) {
                ps.setString(1, kernel);
                ps.setString(2, session);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return kernel;
    }
}
