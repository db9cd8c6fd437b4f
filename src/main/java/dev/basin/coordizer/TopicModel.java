package dev.basin.coordizer;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.TopicMixture;
import dev.basin.store.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A fitted coordizer: a vocabulary of word stems with their idf, and the 64 non-negative topic loadings of each word
 * (the NMF factor H, stored word-major). Immutable; its {@link #id()} is {@code nmf64-} followed by the first 16 hex
 * digits of the SHA-256 of its canonical bytes ({@link #canonicalBytes()}), so two models with the same content have
 * the same id on every machine.
 *
 * <p>The basin of a text (docs/coordizer.md): x = its TF-IDF vector over the vocabulary ((1 + ln tf)·idf, L2
 * normalised), w = argmin_{w ≥ 0} ‖x − Hᵀw‖² ({@link TopicMixture#nnls}), p = (1 − ε)·(w/‖w‖)² + ε/64. A text with no
 * vocabulary word has x = 0, so w = 0, and its basin is the uniform basin.
 */
public final class TopicModel {
    /** Prefix of every model id. */
    public static final String ID_PREFIX = "nmf64-";
    /** Longest text {@link #coordize} accepts, in characters. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private static final int K = Basin.DIM;
    private static final int FORMAT = 1;
    /** Top words kept per topic for {@link #topWords} (as many as {@code coordizer_models.top_words} stores). */
    private static final int CACHED_TOP_WORDS = 10;

    private final FitParams params;
    private final int documents;
    private final String corpusHash;
    private final String[] terms;
    private final String[] labels;
    private final double[] idf;
    private final double[] loadings;
    private final double[] gram;
    private final Map<String, Integer> index;
    private final String id;
    private volatile double[] wordSqrt;
    private volatile List<List<String>> topWords;

    /**
     * @param terms the vocabulary's stems, strictly increasing
     * @param labels for each stem, the word it most often came from in the training texts
     * @param loadings terms.length × 64 non-negative, word-major
     */
    public TopicModel(FitParams params, int documents, String corpusHash, String[] terms, String[] labels, double[] idf,
            double[] loadings) {
        if (terms.length == 0) {
            throw new InvalidInputException("vocabulary", "is empty: no word occurs in enough training texts");
        }
        if (labels.length != terms.length || idf.length != terms.length || loadings.length != terms.length * K) {
            throw new IllegalArgumentException("model parts disagree in size: " + terms.length + " terms, "
                    + labels.length + " labels, " + idf.length + " idf, " + loadings.length + " loadings");
        }
        for (int t = 1; t < terms.length; t++) {
            if (terms[t - 1].compareTo(terms[t]) >= 0) {
                throw new IllegalArgumentException("terms must be strictly increasing at " + t + ": " + terms[t]);
            }
        }
        for (double v : loadings) {
            if (!(v >= 0.0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("a loading is negative or not finite: " + v);
            }
        }
        this.params = params;
        this.documents = documents;
        this.corpusHash = corpusHash;
        this.terms = terms.clone();
        this.labels = labels.clone();
        this.idf = idf.clone();
        this.loadings = loadings.clone();
        this.gram = gram(this.loadings, terms.length);
        Map<String, Integer> m = new HashMap<>(terms.length * 2);
        for (int t = 0; t < terms.length; t++) {
            m.put(terms[t], t);
        }
        this.index = m;
        this.id = ID_PREFIX + Hashes.sha256Hex(canonicalBytes()).substring(0, 16);
    }

    private static double[] gram(double[] h, int v) {
        double[] g = new double[K * K];
        for (int t = 0; t < v; t++) {
            int row = t * K;
            for (int i = 0; i < K; i++) {
                double a = h[row + i];
                if (a == 0.0) {
                    continue;
                }
                int gi = i * K;
                for (int j = 0; j < K; j++) {
                    g[gi + j] += a * h[row + j];
                }
            }
        }
        return g;
    }

    public String id() {
        return id;
    }

    public FitParams params() {
        return params;
    }

    /** Number of training texts the model was fitted on. */
    public int documents() {
        return documents;
    }

    /** SHA-256 over the training texts (each text's UTF-8 bytes and its length, in order). */
    public String corpusHash() {
        return corpusHash;
    }

    public int vocabularySize() {
        return terms.length;
    }

    public List<String> terms() {
        return List.of(terms);
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public double[] idf() {
        return idf.clone();
    }

    public double[] loadings() {
        return loadings.clone();
    }

    /** The basin of {@code text}; the uniform basin when it holds no vocabulary word. */
    public Basin coordize(String text) {
        return TopicMixture.sqrtMap(weights(text), params.smoothing());
    }

    /** How many of the text's tokens are vocabulary words (0 means {@link #coordize} answers the uniform basin). */
    public int knownWords(String text) {
        int n = 0;
        for (Tokens.Token tok : Tokens.of(checked(text))) {
            if (index.containsKey(tok.stem())) {
                n++;
            }
        }
        return n;
    }

    /** The topic weights w ≥ 0 of {@code text} (all zero when it holds no vocabulary word). */
    public double[] weights(String text) {
        Map<Integer, Integer> tf = new HashMap<>();
        for (Tokens.Token tok : Tokens.of(checked(text))) {
            Integer t = index.get(tok.stem());
            if (t != null) {
                tf.merge(t, 1, Integer::sum);
            }
        }
        double[] b = new double[K];
        if (tf.isEmpty()) {
            return b;
        }
        int[] ts = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] x = new double[ts.length];
        double norm2 = 0.0;
        for (int i = 0; i < ts.length; i++) {
            x[i] = (1.0 + Math.log(tf.get(ts[i]))) * idf[ts[i]];
            norm2 += x[i] * x[i];
        }
        double norm = Math.sqrt(norm2);
        for (int i = 0; i < ts.length; i++) {
            double xi = x[i] / norm;
            int row = ts[i] * K;
            for (int j = 0; j < K; j++) {
                b[j] += xi * loadings[row + j];
            }
        }
        return TopicMixture.nnls(gram, b, TopicMixture.MAX_SWEEPS);
    }

    private static String checked(String text) {
        requirePresent("text", text);
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidInputException("text", "must be at most " + MAX_TEXT_CHARS + " characters, has "
                    + text.length());
        }
        return text;
    }

    /**
     * The {@code n} words with the largest loading on {@code topic}, largest first (ties by word). The first
     * {@value #CACHED_TOP_WORDS} of every topic are computed once (naming basins asks for them often).
     */
    public List<String> topWords(int topic, int n) {
        if (topic < 0 || topic >= K) {
            throw new InvalidInputException("topic", "must be in [0, " + (K - 1) + "], is " + topic);
        }
        if (n <= CACHED_TOP_WORDS) {
            List<List<String>> top = topWords;
            if (top == null) {
                top = IntStream.range(0, K).mapToObj(j -> rankedWords(j, CACHED_TOP_WORDS)).toList();
                topWords = top;
            }
            List<String> words = top.get(topic);
            return words.subList(0, Math.min(Math.max(n, 0), words.size()));
        }
        return rankedWords(topic, n);
    }

    private List<String> rankedWords(int topic, int n) {
        return IntStream.range(0, terms.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(t -> -loadings[t * K + topic]).thenComparing(t -> terms[t]))
                .limit(n).map(t -> labels[t]).toList();
    }

    /** A word of the vocabulary and the Fisher–Rao distance of its basin from a given basin. */
    public record WordDistance(String word, String stem, double distance) {}

    /**
     * The {@code k} vocabulary words whose own basins are Fisher–Rao nearest to {@code basin}, nearest first (ties by
     * stem). A word's own basin is the √-map of its topic loadings (row t of Hᵀ), smoothed like a text's.
     */
    public List<WordDistance> decode(Basin basin, int k) {
        requirePresent("basin", basin);
        if (k < 1 || k > terms.length) {
            throw new InvalidInputException("k", "must be in [1, " + terms.length + "], is " + k);
        }
        double[] ws = wordSqrt();
        double[] q = basin.toSqrtArray();
        Integer[] order = new Integer[terms.length];
        double[] dot = new double[terms.length];
        for (int t = 0; t < terms.length; t++) {
            order[t] = t;
            double s = 0.0;
            for (int j = 0; j < K; j++) {
                s += ws[t * K + j] * q[j];
            }
            dot[t] = s;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(t -> -dot[t]).thenComparing(t -> terms[t]));
        List<WordDistance> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int t = order[i];
            out.add(new WordDistance(labels[t], terms[t], FisherRao.distance(wordBasin(t), basin)));
        }
        return out;
    }

    /** The basin of vocabulary word number {@code t}: the smoothed √-map of its loadings. */
    Basin wordBasin(int t) {
        return TopicMixture.sqrtMap(Arrays.copyOfRange(loadings, t * K, t * K + K), params.smoothing());
    }

    private double[] wordSqrt() {
        double[] ws = wordSqrt;
        if (ws == null) {
            ws = new double[terms.length * K];
            for (int t = 0; t < terms.length; t++) {
                wordBasin(t).copySqrtTo(ws, t * K);
            }
            wordSqrt = ws;
        }
        return ws;
    }

    /** The model whose {@link #canonicalBytes()} are {@code bytes}; malformed bytes are an error naming the field. */
    public static TopicModel fromCanonicalBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new InvalidInputException("model", "has format " + format + ", this version reads " + FORMAT);
            }
            FitParams params = new FitParams(in.readInt(), in.readLong(), in.readInt(), in.readInt(), in.readDouble(),
                    in.readInt(), in.readInt(), in.readDouble());
            int documents = in.readInt();
            String corpusHash = in.readUTF();
            int v = in.readInt();
            if (v < 1 || v > 10_000_000) {
                throw new InvalidInputException("model", "has an impossible vocabulary size " + v);
            }
            String[] terms = new String[v];
            String[] labels = new String[v];
            double[] idf = new double[v];
            double[] loadings = new double[v * K];
            for (int t = 0; t < v; t++) {
                terms[t] = in.readUTF();
                labels[t] = in.readUTF();
                idf[t] = in.readDouble();
                for (int j = 0; j < K; j++) {
                    loadings[t * K + j] = in.readDouble();
                }
            }
            if (in.read() != -1) {
                throw new InvalidInputException("model", "has bytes after its last loading");
            }
            return new TopicModel(params, documents, corpusHash, terms, labels, idf, loadings);
        } catch (IOException e) {
            throw new InvalidInputException("model", "is truncated or malformed: " + e.getMessage());
        }
    }

    /**
     * The bytes the id hashes: format version, hyper-parameters, training-set size and hash, then every term, label,
     * idf and loading in order (big-endian IEEE 754 doubles, modified UTF-8 strings).
     */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(terms.length * (K * 8 + 32) + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(params.topics());
            out.writeLong(params.seed());
            out.writeInt(params.iterations());
            out.writeInt(params.minDf());
            out.writeDouble(params.maxDfFraction());
            out.writeInt(params.maxVocabulary());
            out.writeInt(params.unitWords());
            out.writeDouble(params.smoothing());
            out.writeInt(documents);
            out.writeUTF(corpusHash);
            out.writeInt(terms.length);
            for (int t = 0; t < terms.length; t++) {
                out.writeUTF(terms[t]);
                out.writeUTF(labels[t]);
                out.writeDouble(idf[t]);
                for (int j = 0; j < K; j++) {
                    out.writeDouble(loadings[t * K + j]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
