package dev.basin.api;

import dev.basin.BasinEngine;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;

/** A server on a fresh database for one test class: store, services and server, closed together. */
final class TestServer implements AutoCloseable {
    final Store store;
    final BasinEngine services;
    final ApiServer server;

    private TestServer(ApiConfig config) {
        this.store = TestDatabases.freshStore();
        this.services = BasinEngine.over(store);
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
