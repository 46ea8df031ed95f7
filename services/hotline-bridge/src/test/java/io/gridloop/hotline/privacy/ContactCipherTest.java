package io.gridloop.hotline.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void shouldRoundTripAndNeverRepeatACiphertext() {
        ContactCipher cipher = new ContactCipher(KEY);
        String once = cipher.encrypt("13800138000");

        assertThat(once).startsWith("enc:v1:").doesNotContain("13800138000");
        assertThat(cipher.encrypt("13800138000")).as("a fresh nonce each time").isNotEqualTo(once);
        assertThat(cipher.decrypt(once)).isEqualTo("13800138000");
        assertThat(cipher.decrypt("张先生")).as("stored before encryption: read as it is").isEqualTo("张先生");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void shouldRefuseAMissingOrWrongKeyAndATamperedValue() {
        assertThatThrownBy(() -> new ContactCipher("")).hasMessageContaining("GRIDLOOP_HOTLINE_CONTACTKEY");
        assertThatThrownBy(() -> new ContactCipher("c2hvcnQ=")).hasMessageContaining("32");
        assertThatThrownBy(() -> new ContactCipher("not base64!")).hasMessageContaining("Base64");
        ContactCipher cipher = new ContactCipher(KEY);
        String sealed = cipher.encrypt("13800138000");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ContactCipher(Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'))
                .decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
