package io.plugboard.host.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cost of new password hashes, and that a check follows the parameters stored in the hash. */
class TestPasswordHashing {

    @Test
    void theStandardCostIsOwaspsMinimumForArgon2id() {
        String hash = PasswordHashing.standard().hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHashing.matches("correct horse battery staple", hash)).isTrue();
        assertThat(PasswordHashing.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(PasswordHashing.standard().weakened()).isFalse();
    }

    @Test
    void aCheapHashIsCheckedWithItsOwnParametersAndSaysItIsWeakened() {
        PasswordHashing cheap = PasswordHashing.cheapForTests();
        String hash = cheap.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(PasswordHashing.matches("correct horse battery staple", hash)).isTrue();
        assertThat(PasswordHashing.matches("Correct horse battery staple", hash)).isFalse();
        assertThat(cheap.weakened()).isTrue();
    }
}
