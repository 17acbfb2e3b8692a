package org.custodia.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the classification API as demo users: propose, then accept, override, approve, reject or withdraw. */
public final class ClassificationApi {

    private final WebTestClient client;
    private final Tokens tokens;

    public ClassificationApi(WebTestClient client, Tokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** {@code POST /api/prisoners/{id}/classifications} as {@code "<realm>:<ROLE>"}. */
    public WebTestClient.ResponseSpec propose(String realmAndRole, UUID prisonerId) {
        return client.post()
                .uri("/api/prisoners/{id}/classifications", prisonerId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realmAndRole))
                .exchange();
    }

    /** {@code POST /api/classifications/{id}/<step>} (accept, override, approve, reject, withdraw) with a body. */
    public WebTestClient.ResponseSpec step(String realmAndRole, UUID decisionId, String step, Map<String, ?> body) {
        return client.post()
                .uri("/api/classifications/{id}/{step}", decisionId, step)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realmAndRole))
                .bodyValue(body)
                .exchange();
    }

    /** {@code GET /api/classifications/inbox?page=&size=} as {@code "<realm>:<ROLE>"}. */
    public WebTestClient.ResponseSpec inbox(String realmAndRole, int page, int size) {
        return getAs(realmAndRole, "/api/classifications/inbox?page={page}&size={size}", page, size);
    }

    /** {@code GET /api/classifications/inbox/count}: how many decisions wait, as {@code "<realm>:<ROLE>"} sees it. */
    public long waiting(String realmAndRole) {
        return ((Number) ok(getAs(realmAndRole, "/api/classifications/inbox/count"))
                        .get("total"))
                .longValue();
    }

    /** Every item of the inbox, oldest first, read page after page of 100 (other tests leave decisions waiting). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> wholeInbox(String realmAndRole) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> inbox = ok(inbox(realmAndRole, page, 100));
            List<Map<String, Object>> pageItems = (List<Map<String, Object>>) inbox.get("items");
            items.addAll(pageItems);
            if (pageItems.size() < 100) {
                return items;
            }
        }
    }

    /** The item of {@code decisionId} in the caller's inbox, if it is there. */
    public Optional<Map<String, Object>> inboxItem(String realmAndRole, UUID decisionId) {
        return wholeInbox(realmAndRole).stream()
                .filter(item -> decisionId.toString().equals(item.get("id")))
                .findFirst();
    }

    /** A proposal made by the realm's assessor; returns the decision. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> proposed(String realm, UUID prisonerId) {
        return propose(realm + ":ASSESSOR", prisonerId)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** The step succeeded; returns the decision after it. */
    public Map<String, Object> stepped(String realmAndRole, UUID decisionId, String step, Map<String, ?> body) {
        return ok(step(realmAndRole, decisionId, step, body));
    }

    /** The assessor's new proposal, accepted by them and approved by the supervisor; returns the approved decision. */
    public Map<String, Object> approvedProposal(String realm, UUID prisonerId) {
        return approved(realm, idOf(proposed(realm, prisonerId)));
    }

    /** The assessor's proposal {@code decisionId}, accepted by them and approved by the supervisor. */
    public Map<String, Object> approved(String realm, UUID decisionId) {
        stepped(realm + ":ASSESSOR", decisionId, "accept", Map.of("version", 0));
        return stepped(realm + ":SUPERVISOR", decisionId, "approve", Map.of("version", 1));
    }

    public static UUID idOf(Map<String, Object> decision) {
        return UUID.fromString((String) decision.get("id"));
    }

    private WebTestClient.ResponseSpec getAs(String realmAndRole, String uri, Object... variables) {
        return client.get()
                .uri(uri, variables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realmAndRole))
                .exchange();
    }

    /** The answer was 200; its JSON object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ok(WebTestClient.ResponseSpec response) {
        return response.expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
