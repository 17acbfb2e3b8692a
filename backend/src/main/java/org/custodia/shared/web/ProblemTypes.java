package org.custodia.shared.web;

import java.net.URI;

/** The {@code type} of Custodia's problem documents; plain HTTP errors use {@code about:blank}. */
public final class ProblemTypes {

    public static final URI INVALID_REQUEST = URI.create("urn:custodia:problem:invalid-request");
    public static final URI CONFLICT = URI.create("urn:custodia:problem:conflict");
    public static final URI BUSINESS_RULE = URI.create("urn:custodia:problem:business-rule");
    public static final URI UNAUTHENTICATED = URI.create("urn:custodia:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:custodia:problem:forbidden");
    public static final URI NOT_FOUND = URI.create("urn:custodia:problem:not-found");
    public static final URI IDENTITY_PROVIDER_UNAVAILABLE =
            URI.create("urn:custodia:problem:identity-provider-unavailable");
    public static final URI INTERNAL = URI.create("urn:custodia:problem:internal");

    private ProblemTypes() {}
}
