package org.custodia.shared.idempotency;

import java.util.List;
import java.util.regex.Pattern;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;

/**
 * The value of a request's {@code Idempotency-Key} header: chosen by the client, one per logical request (a UUID
 * suits), and sent again unchanged when the request is retried.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    /** The header's value, or a 400 naming the header when it is absent or malformed. */
    public static IdempotencyKey parse(String header) {
        if (header == null || header.isEmpty()) {
            throw refused(
                    "An " + HEADER + " header is required for this request.", "is required: a new UUID per request");
        }
        if (!FORM.matcher(header).matches()) {
            throw refused(
                    "The " + HEADER + " header is malformed.",
                    "must be 8 to 128 letters, digits or the characters . _ : -");
        }
        return new IdempotencyKey(header);
    }

    private static InvalidRequestException refused(String detail, String message) {
        return new InvalidRequestException(detail, List.of(new FieldError(HEADER, message)));
    }
}
