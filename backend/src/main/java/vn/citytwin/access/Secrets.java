package vn.citytwin.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets (API and refresh tokens: 256 random bits) and the SHA-256 they are stored as. */
public final class Secrets {
  /** API tokens start with this, so a leaked one is recognisable (and never mistaken for a JWT). */
  public static final String TOKEN_PREFIX = "ctk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static String newToken() {
    return TOKEN_PREFIX + random(32);
  }

  /** {@code bytes} random bytes, base64url without padding. */
  public static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256Hex(String s) {
    return java.util.HexFormat.of().formatHex(sha256(s));
  }
}
