package dev.basin.api;

import dev.basin.BasinEngine;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Manual aid, excluded from the suite by its tag: serves a database filled by the browser test's short session for a
 * while (run with {@code -Dbasin.test.excluded=none -Dtest=ServeDemo -Dbasin.demo.seconds=N}).
 */
@Tag("manual")
class ServeDemo {
    @Test
    void serve() throws Exception {
        long seconds = Long.getLong("basin.demo.seconds", 60);
        try (Store store = TestDatabases.freshStore()) {
            DashboardBrowserTest.fill(store);
            try (BasinEngine engine = BasinEngine.over(store);
                    ApiServer s = ApiServer.create(ApiConfig.of("127.0.0.1", Integer.getInteger("basin.demo.port", 0), null), engine).start()) {
                System.out.println("DEMO on " + s.port());
                Thread.sleep(seconds * 1000);
            }
        }
    }
}
