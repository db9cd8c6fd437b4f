package dev.basin.api;

import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;

/** A server on a fresh database for one test class: store, services and server, closed together. */
final class TestServer implements AutoCloseable {
    final Store store;
    final ApiServices services;
    final ApiServer server;

    private TestServer(ApiConfig config) {
        this.store = TestDatabases.freshStore();
        this.services = ApiServices.open(store, Clock.systemUTC());
        this.server = ApiServer.create(config, services).start();
    }

    static TestServer start() {
        return new TestServer(ApiConfig.loopback());
    }

    static TestServer start(ApiConfig config) {
        return new TestServer(config);
    }

    ApiClient client() {
        return new ApiClient(server.port());
    }

    @Override
    public void close() {
        server.close();
        services.close();
        store.close();
    }
}
