package dev.basin.coordizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped default model is exactly what the documented fit gives on the shipped Brown Corpus. */
class DefaultModelTest {
    @Test
    void shippedModelIsTheDefaultFitOfTheBrownCorpus() {
        TopicModel shipped = DefaultModel.shipped();
        assertThat(shipped.documents()).isEqualTo(500);
        assertThat(shipped.params()).isEqualTo(FitParams.defaults());
        TopicModel refit = DefaultModel.fit();
        assertThat(refit.id()).isEqualTo(shipped.id());
        assertThat(refit.canonicalBytes()).isEqualTo(shipped.canonicalBytes());
    }
}
