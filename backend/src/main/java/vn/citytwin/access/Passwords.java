package vn.citytwin.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Password hashes: bcrypt (Bouncy Castle's OpenBSDBCrypt, {@code $2y$}, cost 11), never a hand-rolled scheme. */
public final class Passwords {
  private static final int COST = 11;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  public static final int MAX_BYTES = 72;

  private Passwords() {}

  public static String hash(String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("password longer than " + MAX_BYTES + " bytes");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, COST);
  }

  /** True when {@code password} matches {@code hash}; false for a null hash, a malformed hash or a long password. */
  public static boolean matches(String hash, String password) {
    if (hash == null || password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A hash to check against when the user does not exist, so a wrong name costs as long as a wrong password. */
  static final String DUMMY = hash("not-a-password-of-anyone");
}
