package dev.basin.coordizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default model: fitted with {@link FitParams#defaults()} on the 500 texts of the shipped {@link BrownCorpus},
 * shipped pre-fitted as {@value #RESOURCE} (gzip of its canonical bytes) because a fit takes tens of seconds on a
 * small machine. The fit is deterministic, so the shipped file is exactly what {@link #fit()} gives (a test checks the
 * id); {@code bin/coordizer-default} rewrites it. Read once per class loader: it is an immutable constant.
 */
public final class DefaultModel {
    /** Class-path resource of the pre-fitted default model. */
    public static final String RESOURCE = "coordizer/brown-nmf64.model.gz";

    private DefaultModel() {}

    private static final class Holder {
        static final TopicModel MODEL = load();
    }

    /** The shipped default model. */
    public static TopicModel shipped() {
        return Holder.MODEL;
    }

    /** Fits the default model from scratch (what the shipped resource holds). */
    public static TopicModel fit() {
        return NmfFit.fit(BrownCorpus.texts(), FitParams.defaults());
    }

    private static TopicModel load() {
        try (InputStream in = DefaultModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default coordizer model " + RESOURCE + " is missing from the class path");
            }
            return ModelCodec.fromGzip(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Writes the freshly fitted default model to {@code args[0]} and prints its id. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DefaultModel OUT.model.gz");
            System.exit(2);
        }
        TopicModel m = fit();
        Files.write(Path.of(args[0]), ModelCodec.gzip(m.canonicalBytes()));
        System.out.println(m.id());
    }
}
