import dev.basin.coordizer.BrownCorpus;
import dev.basin.coordizer.FitParams;
import dev.basin.coordizer.NmfFit;
import dev.basin.coordizer.Tokens;
import dev.basin.coordizer.TopicModel;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.rag.Chunker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coordizer benchmark (issue 13; docs/coordizer.md): fits the default model on the whole shipped Brown Corpus
 * (fit time), chunks every document with the ingestion chunker, and measures over the chunks
 * <ul>
 *   <li>nearest-neighbour genre accuracy: for each chunk, the genre of its Fisher–Rao nearest chunk among the chunks
 *       of the other documents, against the same figure for TF-IDF cosine over the same chunk texts (sublinear tf,
 *       smoothed idf over the chunks, L2 rows, every word the tokenizer yields) in the same run;</li>
 *   <li>median Fisher–Rao distance within and across genres (every 37th pair of chunks of different documents);</li>
 *   <li>coordize latency of 200-word windows (p50, p99) and single-thread throughput.</li>
 * </ul>
 * Usage: {@code java -cp target/basin.jar bench/coordizer/CoordizerBench.java OUT.json}. Hyper-parameters other than
 * the defaults: system properties iterations, minDf, maxDf, vocabulary, unitWords, smoothing, seed.
 */
public class CoordizerBench {
    record Chunk(int doc, String genre, String text) {}

    public static void main(String[] args) throws Exception {
        FitParams d = FitParams.defaults();
        FitParams params = new FitParams(64, Long.getLong("seed", d.seed()), Integer.getInteger("iterations", d.iterations()),
                Integer.getInteger("minDf", d.minDf()), Double.parseDouble(System.getProperty("maxDf", "" + d.maxDfFraction())),
                Integer.getInteger("vocabulary", d.maxVocabulary()), Integer.getInteger("unitWords", d.unitWords()),
                Double.parseDouble(System.getProperty("smoothing", "" + d.smoothing())));
        List<BrownCorpus.Document> docs = BrownCorpus.documents();
        List<String> texts = docs.stream().map(BrownCorpus.Document::text).toList();

        long t0 = System.nanoTime();
        TopicModel model = NmfFit.fit(texts, params);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "fit %.1f s, model %s, vocabulary %d%n", fitSeconds, model.id(), model.vocabularySize());

        Chunker chunker = new Chunker(Chunker.DEFAULT_MAX_CHARS, Chunker.DEFAULT_MIN_CHARS);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (Chunker.Chunk c : chunker.chunk(docs.get(i).text())) {
                chunks.add(new Chunk(i, docs.get(i).genre(), c.text()));
            }
        }
        int n = chunks.size();
        double[] sq = new double[n * 64];
        Basin[] basins = new Basin[n];
        for (int i = 0; i < n; i++) {
            basins[i] = model.coordize(chunks.get(i).text());
            basins[i].copySqrtTo(sq, i * 64);
        }
        int basinRight = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestDot = -1;
            for (int j = 0; j < n; j++) {
                if (chunks.get(j).doc() == chunks.get(i).doc()) {
                    continue;
                }
                double s = 0;
                for (int k = 0; k < 64; k++) {
                    s += sq[i * 64 + k] * sq[j * 64 + k];
                }
                if (s > bestDot) {
                    bestDot = s;
                    best = j;
                }
            }
            if (chunks.get(best).genre().equals(chunks.get(i).genre())) {
                basinRight++;
            }
        }
        double basinAccuracy = (double) basinRight / n;
        double tfidfAccuracy = tfidfAccuracy(chunks);
        System.err.printf(Locale.ROOT, "chunks %d: basin NN genre accuracy %.4f, TF-IDF %.4f, ratio %.3f%n", n,
                basinAccuracy, tfidfAccuracy, basinAccuracy / tfidfAccuracy);

        List<Double> within = new ArrayList<>();
        List<Double> across = new ArrayList<>();
        long pair = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (chunks.get(i).doc() == chunks.get(j).doc() || pair++ % 37 != 0) {
                    continue;
                }
                double dist = FisherRao.distance(basins[i], basins[j]);
                (chunks.get(i).genre().equals(chunks.get(j).genre()) ? within : across).add(dist);
            }
        }
        double medWithin = median(within);
        double medAcross = median(across);
        System.err.printf(Locale.ROOT, "median distance within genre %.4f, across %.4f%n", medWithin, medAcross);

        // latency: 200-word windows of the corpus
        List<String> windows = new ArrayList<>();
        for (BrownCorpus.Document doc : docs) {
            String[] words = doc.text().split("\\s+");
            for (int s = 0; s + 200 <= words.length && windows.size() < 4000; s += 200) {
                windows.add(String.join(" ", Arrays.copyOfRange(words, s, s + 200)));
            }
        }
        for (int r = 0; r < 2; r++) { // warm-up
            for (String w : windows) {
                model.coordize(w);
            }
        }
        long[] ns = new long[windows.size()];
        long all0 = System.nanoTime();
        for (int i = 0; i < windows.size(); i++) {
            long a = System.nanoTime();
            model.coordize(windows.get(i));
            ns[i] = System.nanoTime() - a;
        }
        double allSeconds = (System.nanoTime() - all0) / 1e9;
        Arrays.sort(ns);
        double p50 = ns[ns.length / 2] / 1e6;
        double p99 = ns[(int) (ns.length * 0.99)] / 1e6;
        double throughput = windows.size() / allSeconds;
        System.err.printf(Locale.ROOT, "coordize 200 words: p50 %.3f ms, p99 %.3f ms, %.0f texts/s (one thread)%n", p50, p99,
                throughput);

        String json = String.format(Locale.ROOT, """
                {"benchmark":"coordizer","model":"%s","params":{"topics":%d,"seed":%d,"iterations":%d,"minDf":%d,\
                "maxDfFraction":%s,"maxVocabulary":%d,"unitWords":%d,"smoothing":%s},"documents":%d,"vocabulary":%d,\
                "chunks":%d,"fit_seconds":%.3f,"nn_genre_accuracy":{"basin":%.4f,"tfidf_cosine":%.4f,"ratio":%.4f,\
                "target_ratio":0.9},"median_distance":{"within_genre":%.4f,"across_genre":%.4f,"pairs_within":%d,\
                "pairs_across":%d},"coordize_200_words":{"texts":%d,"p50_ms":%.4f,"p99_ms":%.4f,"throughput_per_s":%.1f}}
                """, model.id(), params.topics(), params.seed(), params.iterations(), params.minDf(), params.maxDfFraction(),
                params.maxVocabulary(), params.unitWords(), params.smoothing(), docs.size(), model.vocabularySize(), n,
                fitSeconds, basinAccuracy, tfidfAccuracy, basinAccuracy / tfidfAccuracy, medWithin, medAcross,
                within.size(), across.size(), windows.size(), p50, p99, throughput);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json);
        }
        System.out.print(json);
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** TF-IDF cosine nearest neighbour among chunks of other documents, by an inverted index. */
    static double tfidfAccuracy(List<Chunk> chunks) {
        int n = chunks.size();
        List<Map<String, Integer>> tfs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Chunk c : chunks) {
            Map<String, Integer> tf = new HashMap<>();
            for (Tokens.Token t : Tokens.of(c.text())) {
                tf.merge(t.stem(), 1, Integer::sum);
            }
            tf.keySet().forEach(s -> df.merge(s, 1, Integer::sum));
            tfs.add(tf);
        }
        Map<String, Integer> termIndex = new HashMap<>();
        df.keySet().stream().sorted().forEach(s -> termIndex.put(s, termIndex.size()));
        int v = termIndex.size();
        int[] postingCount = new int[v];
        int[][] rowTerms = new int[n][];
        double[][] rowWeights = new double[n][];
        for (int i = 0; i < n; i++) {
            Map<String, Integer> tf = tfs.get(i);
            int[] ts = new int[tf.size()];
            double[] ws = new double[tf.size()];
            int k = 0;
            double norm = 0;
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                ts[k] = termIndex.get(e.getKey());
                ws[k] = (1 + Math.log(e.getValue())) * (Math.log((1.0 + n) / (1.0 + df.get(e.getKey()))) + 1);
                norm += ws[k] * ws[k];
                postingCount[ts[k]]++;
                k++;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < k; j++) {
                ws[j] /= norm;
            }
            rowTerms[i] = ts;
            rowWeights[i] = ws;
        }
        int[][] postDoc = new int[v][];
        double[][] postW = new double[v][];
        int[] fill = new int[v];
        for (int t = 0; t < v; t++) {
            postDoc[t] = new int[postingCount[t]];
            postW[t] = new double[postingCount[t]];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rowTerms[i].length; j++) {
                int t = rowTerms[i][j];
                postDoc[t][fill[t]] = i;
                postW[t][fill[t]++] = rowWeights[i][j];
            }
        }
        int right = 0;
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(score, 0);
            for (int j = 0; j < rowTerms[i].length; j++) {
                int t = rowTerms[i][j];
                double w = rowWeights[i][j];
                int[] pd = postDoc[t];
                double[] pw = postW[t];
                for (int p = 0; p < pd.length; p++) {
                    score[pd[p]] += w * pw[p];
                }
            }
            int best = -1;
            double bestScore = -1;
            for (int j = 0; j < n; j++) {
                if (chunks.get(j).doc() != chunks.get(i).doc() && score[j] > bestScore) {
                    bestScore = score[j];
                    best = j;
                }
            }
            if (chunks.get(best).genre().equals(chunks.get(i).genre())) {
                right++;
            }
        }
        return (double) right / n;
    }
}
