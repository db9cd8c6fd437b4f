package dev.basin.coordizer;

import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Hashes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * Fits a {@link TopicModel}: a 64-component non-negative matrix factorisation X ≈ WH of the training texts' TF-IDF
 * matrix, by hierarchical alternating least squares (HALS, Cichocki &amp; Phan 2009) from a seeded initialisation
 * (docs/coordizer.md has the formulas). Deterministic: the same texts and parameters give a bit-identical model,
 * hence the same id, on every machine (single-threaded, fixed operation order, SplitMix64 initialisation).
 */
public final class NmfFit {
    private static final int K = Basin.DIM;

    private NmfFit() {}

    /** Fits a model on {@code texts} (each one training text, in order). */
    public static TopicModel fit(List<String> texts, FitParams params) {
        if (texts.isEmpty()) {
            throw new InvalidInputException("texts", "must hold at least one text");
        }
        String corpusHash = corpusHash(texts);
        List<List<Tokens.Token>> units = new ArrayList<>();
        for (String text : texts) {
            List<Tokens.Token> tokens = Tokens.of(text);
            if (params.unitWords() == 0 || tokens.size() <= params.unitWords()) {
                units.add(tokens);
            } else {
                int parts = (tokens.size() + params.unitWords() - 1) / params.unitWords();
                for (int u = 0; u < parts; u++) {
                    int from = (int) ((long) tokens.size() * u / parts);
                    int to = (int) ((long) tokens.size() * (u + 1) / parts);
                    units.add(tokens.subList(from, to));
                }
            }
        }
        units.removeIf(List::isEmpty);
        if (units.isEmpty()) {
            throw new InvalidInputException("texts", "hold no word");
        }
        int n = units.size();

        // document frequencies and the most frequent surface form of each stem
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        List<Map<String, Integer>> counts = new ArrayList<>(n);
        for (List<Tokens.Token> unit : units) {
            Map<String, Integer> tf = new HashMap<>();
            for (Tokens.Token tok : unit) {
                tf.merge(tok.stem(), 1, Integer::sum);
                surfaces.computeIfAbsent(tok.stem(), s -> new HashMap<>()).merge(tok.surface(), 1, Integer::sum);
            }
            for (String s : tf.keySet()) {
                df.merge(s, 1, Integer::sum);
            }
            counts.add(tf);
        }
        int maxDf = (int) Math.floor(params.maxDfFraction() * n);
        List<String> kept = df.entrySet().stream()
                .filter(e -> e.getValue() >= params.minDf() && e.getValue() <= Math.max(maxDf, params.minDf()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(params.maxVocabulary()).map(Map.Entry::getKey).sorted().toList();
        if (kept.size() < K) {
            throw new InvalidInputException("texts", "give a vocabulary of " + kept.size() + " words (at least " + K
                    + " words must each occur in " + params.minDf() + " or more texts)");
        }
        int v = kept.size();
        String[] terms = kept.toArray(String[]::new);
        String[] labels = new String[v];
        double[] idf = new double[v];
        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < v; t++) {
            index.put(terms[t], t);
            idf[t] = Math.log((1.0 + n) / (1.0 + df.get(terms[t]))) + 1.0;
            labels[t] = new TreeMap<>(surfaces.get(terms[t])).entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
        }

        // X: n × v, rows (1 + ln tf)·idf, L2-normalised
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(n, v, n * 64);
        double total = 0.0;
        for (int d = 0; d < n; d++) {
            int[] ts = counts.get(d).keySet().stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray();
            double[] x = new double[ts.length];
            double norm2 = 0.0;
            for (int i = 0; i < ts.length; i++) {
                x[i] = (1.0 + Math.log(counts.get(d).get(terms[ts[i]]))) * idf[ts[i]];
                norm2 += x[i] * x[i];
            }
            double norm = Math.sqrt(norm2);
            for (int i = 0; i < ts.length; i++) {
                triplets.addItem(d, ts[i], x[i] / norm);
                total += x[i] / norm;
            }
        }
        DMatrixSparseCSC x = DConvertMatrixStruct.convert(triplets, (DMatrixSparseCSC) null);
        DMatrixSparseCSC xt = CommonOps_DSCC.transpose(x, null, null);

        // seeded initialisation: entries uniform in [0, 2a), a = √(mean(X)/k) (so E[WH] matches mean(X))
        double a = Math.sqrt(total / ((double) n * v) / K);
        SplitMix64 random = new SplitMix64(params.seed());
        DMatrixRMaj w = new DMatrixRMaj(n, K);
        DMatrixRMaj ht = new DMatrixRMaj(v, K);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = 2 * a * random.nextDouble();
        }
        for (int i = 0; i < ht.data.length; i++) {
            ht.data[i] = 2 * a * random.nextDouble();
        }

        DMatrixRMaj xh = new DMatrixRMaj(n, K);
        DMatrixRMaj xw = new DMatrixRMaj(v, K);
        DMatrixRMaj gram = new DMatrixRMaj(K, K);
        for (int it = 0; it < params.iterations(); it++) {
            CommonOps_DSCC.mult(x, ht, xh);
            CommonOps_DDRM.multTransA(ht, ht, gram);
            hals(w, xh, gram);
            CommonOps_DSCC.mult(xt, w, xw);
            CommonOps_DDRM.multTransA(w, w, gram);
            hals(ht, xw, gram);
        }

        // unit-norm topics: each column of Hᵀ scaled to length 1 (W would absorb the scale)
        for (int j = 0; j < K; j++) {
            double norm2 = 0.0;
            for (int t = 0; t < v; t++) {
                norm2 += ht.data[t * K + j] * ht.data[t * K + j];
            }
            if (norm2 > 0.0) {
                double norm = Math.sqrt(norm2);
                for (int t = 0; t < v; t++) {
                    ht.data[t * K + j] /= norm;
                }
            }
        }
        return new TopicModel(params, texts.size(), corpusHash, terms, labels, idf, ht.data);
    }

    /**
     * One HALS sweep over the rows of factor F (m × k) given P = A·G (m × k) and the Gram matrix GᵀG (k × k):
     * F[i,j] ← max(0, F[i,j] + (P[i,j] − (F·GᵀG)[i,j]) / (GᵀG)[j,j]), coordinates in order.
     */
    static void hals(DMatrixRMaj f, DMatrixRMaj p, DMatrixRMaj gram) {
        double[] fd = f.data;
        double[] pd = p.data;
        double[] g = gram.data;
        int m = f.numRows;
        for (int i = 0; i < m; i++) {
            int row = i * K;
            for (int j = 0; j < K; j++) {
                double gjj = g[j * K + j];
                if (!(gjj > 0.0)) {
                    continue;
                }
                double s = 0.0;
                for (int l = 0; l < K; l++) {
                    s += fd[row + l] * g[l * K + j];
                }
                fd[row + j] = Math.max(0.0, fd[row + j] + (pd[row + j] - s) / gjj);
            }
        }
    }

    /** SHA-256 over each text's UTF-8 length (8 bytes, big-endian) and bytes, in order. */
    static String corpusHash(List<String> texts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            all.writeBytes(ByteBuffer.allocate(8).putLong(b.length).array());
            all.writeBytes(b);
        }
        return Hashes.sha256Hex(all.toByteArray());
    }

    /** SplitMix64 (Steele, Lea &amp; Flood 2014): a fully specified stream, the same on every JVM. */
    static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = (state += 0x9e3779b97f4a7c15L);
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, 1) with 53 random bits. */
        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }
    }
}
