package org.custodia.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Takes real tokens apart and puts them together again wrongly, to prove the backend notices. */
public final class Jwts {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jwts() {}

    public static String header(String token) {
        return new String(DECODER.decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    public static String payload(String token) {
        return new String(DECODER.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    public static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same header and signature around another payload. */
    public static String withPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(payloadJson) + "." + parts[2];
    }
}
