package dev.basin.api;

import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Manual aid: serves a database filled by the browser test's short session for a while (run with -Dtest=ServeDemo
 * -Dbasin.demo.seconds=N).
 */
@Tag("manual")
class ServeDemo {
    @Test
    void serve() throws Exception {
        long seconds = Long.getLong("basin.demo.seconds", 0);
        if (seconds <= 0) {
            return;
        }
        try (Store store = TestDatabases.freshStore()) {
            DashboardBrowserTest.fill(store);
            try (ApiServer s = ApiServer.create(ApiConfig.of("127.0.0.1", 18080, null), ApiServices.open(store, Clock.systemUTC())).start()) {
                System.out.println("DEMO on " + s.port());
                Thread.sleep(seconds * 1000);
            }
        }
    }
}
