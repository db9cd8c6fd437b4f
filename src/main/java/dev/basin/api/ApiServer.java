package dev.basin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.BasinEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP server: every route, filter and error mapping of the API is wired here, in {@link #create}.
 *
 * <p>Order of checks on each request: bearer token for non-GET (401), then per endpoint the media type (415), body
 * size (413), JSON syntax and shape (400), value rules (422), ids (404), conflicts (409). The database being
 * unreachable gives 503 with {@code Retry-After}. Every error body is a problem detail.
 */
public final class ApiServer implements AutoCloseable {
    private final Javalin app;
    private final ApiConfig config;
    private final PrometheusMeterRegistry registry;
    private final StoreMetrics storeMetrics;

    private ApiServer(Javalin app, ApiConfig config, PrometheusMeterRegistry registry, StoreMetrics storeMetrics) {
        this.app = app;
        this.config = config;
        this.registry = registry;
        this.storeMetrics = storeMetrics;
    }

    /**
     * Builds (does not start) the server for {@code config} over the services of {@code engine}: the same wiring the
     * library and {@code basin run} use. Closing the server leaves the engine open.
     */
    public static ApiServer create(ApiConfig config, BasinEngine engine) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(engine, "engine");
        ObjectMapper mapper = Json.mapper();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Problems problems = new Problems(mapper, config.retryAfter());
        Requests requests = new Requests(mapper, config);
        Auth auth = new Auth(config.token());
        HttpMetrics httpMetrics = new HttpMetrics(registry);
        StoreMetrics storeMetrics = new StoreMetrics(engine.store());
        storeMetrics.bind(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);

        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.bind();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxUploadBytes();
            c.http.prefer405over404 = true;
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            c.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
            c.jsonMapper(new JavalinJackson(mapper, false));
            c.requestLogger.http(httpMetrics::record);
            c.routes.before(auth::check);
            c.routes.exception(Exception.class, problems::handle);
            c.routes.error(404, ctx -> statusProblem(problems, ctx));
            c.routes.error(405, ctx -> statusProblem(problems, ctx));
            c.routes.error(413, ctx -> statusProblem(problems, ctx));

            new HealthRoutes(engine.store(), config).register(c.routes);
            new MetricsRoutes(registry).register(c.routes);
            new OpenApiRoutes(mapper).register(c.routes);
            new GeometryRoutes(requests, GeodesicStore.of(engine.planner())).register(c.routes);
            ReportRoutes report = new ReportRoutes(engine.store());
            report.register(c.routes);
            new DashboardRoutes(new DashboardPanels(engine), report::flags).register(c.routes);
            new SafetyRoutes(requests, engine.safety(), engine.clock()).register(c.routes);
            new NavigationRoutes(requests, engine.ocean()).register(c.routes);
            new KernelRoutes(requests, engine.kernelFeature(), engine.sleep()).register(c.routes);
            new KnowledgeRoutes(requests, engine.crossPatterns(), engine.falsePatterns(), engine.memory(), engine.documents(),
                    engine.scaleMappings()).register(c.routes);
            new ToolRoutes(requests, engine.tools(), engine.insights(), engine.documents()).register(c.routes);
        });
        return new ApiServer(app, config, registry, storeMetrics);
    }

    private static void statusProblem(Problems problems, Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problems.CONTENT_TYPE)) {
            problems.write(ctx, Problems.fromStatus(ctx.statusCode(), null));
        }
    }

    /** Starts listening; {@link #port()} then tells the actual port. */
    public ApiServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public ApiConfig config() {
        return config;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Every HTTP route registered (method and path template), for the OpenAPI check. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map((ParsedEndpoint p) -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            storeMetrics.unbind();
        }
    }
}
