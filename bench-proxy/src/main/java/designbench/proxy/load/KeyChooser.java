package designbench.proxy.load;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws request keys 1..K, uniformly or Zipf-distributed (Commons RNG's rejection-inversion sampler), so a
 * benchmark sets the cache hit ratio through the key count and the exponent. Not thread-safe: one per thread.
 */
final class KeyChooser {

    private final UniformRandomProvider random;
    private final SharedStateDiscreteSampler zipf;
    private final int keys;

    KeyChooser(int keys, double exponent, long seed) {
        this.keys = keys;
        this.random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.zipf = exponent > 0 ? RejectionInversionZipfSampler.of(random, keys, exponent) : null;
    }

    /** The next key, 1 (the most popular under Zipf) to K. */
    int next() {
        return zipf != null ? zipf.sample() : 1 + random.nextInt(keys);
    }
}
