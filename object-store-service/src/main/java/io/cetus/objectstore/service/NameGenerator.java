package io.cetus.objectstore.service;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

/**
 * Turns a {@code metadata.generateName} prefix into a name: the prefix, cut so the result fits a
 * DNS label, plus five characters from an alphabet without vowels (so no words are spelt) and
 * without look-alikes.
 */
@Component
class NameGenerator {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int SUFFIX_LENGTH = 5;
  private static final int MAX_PREFIX_LENGTH = 63 - SUFFIX_LENGTH;

  private final RandomGenerator random = new SecureRandom();

  String generate(String prefix) {
    StringBuilder name =
        new StringBuilder(
            prefix.length() > MAX_PREFIX_LENGTH ? prefix.substring(0, MAX_PREFIX_LENGTH) : prefix);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }
}
