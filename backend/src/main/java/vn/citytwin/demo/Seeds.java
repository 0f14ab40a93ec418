package vn.citytwin.demo;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seed derivation. Every layer (and every block inside a layer) draws from its own {@link SplittableRandom}
 * whose seed mixes the city seed with a fixed tag, so adding a layer or changing one never shifts the random
 * stream of another.
 */
final class Seeds {
  private Seeds() {}

  /** The stream for one named layer or purpose. */
  static SplittableRandom stream(long citySeed, String tag) {
    return new SplittableRandom(mix(citySeed, tag));
  }

  /** The stream for one numbered unit (a block, a lot) of a named purpose. */
  static SplittableRandom stream(long citySeed, String tag, long a, long b) {
    return new SplittableRandom(mix(mix(mix(citySeed, tag) ^ a * 0x9E3779B97F4A7C15L) + b));
  }

  static long mix(long seed, String tag) {
    long h = 0xcbf29ce484222325L;
    for (byte b : tag.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(seed * 0x9E3779B97F4A7C15L + h);
  }

  /** SplitMix64 finaliser: a bijective, well-spread 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
